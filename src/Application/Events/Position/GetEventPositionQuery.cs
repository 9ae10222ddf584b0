using Mediator;
using NovaPulse.Application.Common.Security;
using NovaPulse.Domain.Common;

namespace NovaPulse.Application.Events.Position;

/// <summary>
/// Where a stream resumes after the event <paramref name="EventId"/> (a <c>Last-Event-ID</c>): its position, or null
/// when the caller's company has no such event (another company's id reveals nothing).
/// </summary>
[RequireRole(Role.Member)]
public sealed record GetEventPositionQuery(string EventId) : IQuery<EventPosition?>;

/// <summary>An event's place in the stream order: (occurred-at, id).</summary>
public sealed record EventPosition(DateTimeOffset OccurredAt, Guid Id);
