using Mediator;
using NovaPulse.Application.Common.Events;
using NovaPulse.Application.Common.Security;
using NovaPulse.Domain.Common;

namespace NovaPulse.Application.Webhooks.EventTypes;

/// <summary>The event catalogue: every type an endpoint can subscribe to, with an example payload.</summary>
[RequireRole(Role.Member)]
public sealed record ListEventTypesQuery : IQuery<IReadOnlyList<EventType>>;
