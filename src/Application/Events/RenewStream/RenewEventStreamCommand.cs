using Mediator;
using NovaPulse.Application.Common.Security;
using NovaPulse.Domain.Common;

namespace NovaPulse.Application.Events.RenewStream;

/// <summary>Extends an open stream's lease; false when it is gone (it lapsed), and the stream should end.</summary>
[RequireRole(Role.Member)]
public sealed record RenewEventStreamCommand(Guid LeaseId, TimeSpan LeaseDuration) : ICommand<bool>;
