using Mediator;
using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Events.Common;

namespace NovaPulse.Application.Events.Position;

public sealed class GetEventPositionQueryHandler(IAppDbContext db) : IQueryHandler<GetEventPositionQuery, EventPosition?>
{
    public async ValueTask<EventPosition?> Handle(GetEventPositionQuery query, CancellationToken cancellationToken)
    {
        if (!PublicEventId.TryParse(query.EventId, out var id))
        {
            return null;
        }

        return await db.OutboxMessages.AsNoTracking().Where(m => m.Id == id)
            .Select(m => new EventPosition(m.OccurredAt, m.Id))
            .SingleOrDefaultAsync(cancellationToken);
    }
}
