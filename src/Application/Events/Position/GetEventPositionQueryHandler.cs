using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Common.Options;
using NovaPulse.Application.Events.Common;
using NovaPulse.Domain.Common;

namespace NovaPulse.Application.Events.Position;

public sealed class GetEventPositionQueryHandler(IAppDbContext db, IOptions<OutboxSettings> outbox, TimeProvider clock)
    : IQueryHandler<GetEventPositionQuery, EventPosition?>
{
    public async ValueTask<EventPosition?> Handle(GetEventPositionQuery query, CancellationToken cancellationToken)
    {
        if (!PublicEventId.TryParse(query.EventId, out var id))
        {
            return null;
        }

        var position = await db.OutboxMessages.AsNoTracking().Where(m => m.Id == id)
            .Select(m => new EventPosition(m.OccurredAt, m.Id))
            .SingleOrDefaultAsync(cancellationToken);
        // Ids carry their creation time, so a missing one older than the retention was pruned (or would have been): resuming
        // "from now" would silently skip whatever came after it. Saying so reveals nothing the id does not already say.
        if (position is null && SequentialId.TimestampOf(id) < clock.GetUtcNow() - outbox.Value.Retention)
        {
            throw AppException.Gone(
                "event_position_expired",
                $"The event named by Last-Event-ID is older than the retention ({outbox.Value.Retention.TotalDays:0.##} days) and no longer kept. "
                + "Reconnect without Last-Event-ID to stream from now, and re-read the current state through the API.");
        }

        return position;
    }
}
