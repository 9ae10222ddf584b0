using Mediator;
using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Common.Paging;
using NovaPulse.Application.Events.Common;

namespace NovaPulse.Application.Events.Read;

public sealed class ReadEventsQueryHandler(IAppDbContext db) : IQueryHandler<ReadEventsQuery, IReadOnlyList<StreamedEvent>>
{
    public async ValueTask<IReadOnlyList<StreamedEvent>> Handle(ReadEventsQuery query, CancellationToken cancellationToken)
    {
        // The tenant query filter keeps the read to the caller's company; rows exist only once their transaction committed.
        var events = db.OutboxMessages.AsNoTracking().After(m => m.OccurredAt, m => m.Id, query.After, query.AfterId, descending: false);
        if (query.Events is { Count: > 0 } types)
        {
            var wanted = types.Select(t => t.Trim()).ToList();
            events = events.Where(m => wanted.Contains(m.Type));
        }

        return await events.OrderBy(m => m.OccurredAt).ThenBy(m => m.Id).Take(query.Limit)
            .Select(m => new StreamedEvent(m.Id, m.Type, m.OccurredAt, m.Payload))
            .ToListAsync(cancellationToken);
    }
}
