using Mediator;
using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Common.Events;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Common.Paging;
using NovaPulse.Application.Common.Security;
using NovaPulse.Application.Events.Common;

namespace NovaPulse.Application.Events.Read;

public sealed class ReadEventsQueryHandler(IAppDbContext db, ICurrentUser currentUser) : IQueryHandler<ReadEventsQuery, IReadOnlyList<StreamedEvent>>
{
    public async ValueTask<IReadOnlyList<StreamedEvent>> Handle(ReadEventsQuery query, CancellationToken cancellationToken)
    {
        // Only the types the caller's role may see (EventCatalogue), filtered in the query, so a page and the position the
        // stream resumes from are made of visible events only.
        var visible = EventCatalogue.VisibleTo(currentUser.RequireRole());
        var wanted = visible.ToList();
        if (query.Events is { Count: > 0 } types)
        {
            var named = types.Select(t => t.Trim()).Distinct().ToList();
            var denied = named.Except(visible).ToList();
            if (denied.Count > 0)
            {
                throw AppException.Forbidden($"Your role does not receive these event types: {string.Join(", ", denied)}.");
            }

            wanted = named;
        }

        // The tenant query filter keeps the read to the caller's company; rows exist only once their transaction committed.
        return await db.OutboxMessages.AsNoTracking()
            .After(m => m.OccurredAt, m => m.Id, query.After, query.AfterId, descending: false)
            .Where(m => wanted.Contains(m.Type))
            .OrderBy(m => m.OccurredAt).ThenBy(m => m.Id).Take(query.Limit)
            .Select(m => new StreamedEvent(m.Id, m.Type, m.OccurredAt, m.Payload))
            .ToListAsync(cancellationToken);
    }
}
