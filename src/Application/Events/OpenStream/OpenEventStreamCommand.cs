using Mediator;
using NovaPulse.Application.Common.Security;
using NovaPulse.Domain.Common;

namespace NovaPulse.Application.Events.OpenStream;

/// <summary>
/// Takes a slot for one more open event stream of the caller (a member or an API key) for <paramref name="LeaseDuration"/>,
/// or answers 429 when the plan's <c>EventStreamsPerPrincipal</c> are all held. Returns the lease to renew and close.
/// </summary>
[RequireRole(Role.Member)]
public sealed record OpenEventStreamCommand(TimeSpan LeaseDuration) : ICommand<Guid>;
