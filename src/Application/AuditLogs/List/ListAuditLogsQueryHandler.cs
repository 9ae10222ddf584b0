using Mediator;
using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Common.Paging;

namespace NovaPulse.Application.AuditLogs.List;

public sealed class ListAuditLogsQueryHandler(IAppDbContext db) : IQueryHandler<ListAuditLogsQuery, Page<AuditEntryDto>>
{
    public async ValueTask<Page<AuditEntryDto>> Handle(ListAuditLogsQuery query, CancellationToken cancellationToken)
    {
        var limit = query.Limit ?? PageRequest.DefaultLimit;
        var entries = db.AuditEntries.AsNoTracking();
        if (query.EntityType is { } type)
        {
            entries = entries.Where(e => e.EntityType == type);
        }

        if (query.EntityId is { } id)
        {
            entries = entries.Where(e => e.EntityId == id);
        }

        if (query.ActorId is { } actor)
        {
            entries = entries.Where(e => e.ActorId == actor);
        }

        if (query.Action is { } action)
        {
            entries = entries.Where(e => e.Action == action);
        }

        if (query.From is { } from)
        {
            var fromUtc = from.ToUniversalTime();
            entries = entries.Where(e => e.OccurredAt >= fromUtc);
        }

        if (query.To is { } to)
        {
            var toUtc = to.ToUniversalTime();
            entries = entries.Where(e => e.OccurredAt <= toUtc);
        }

        if (Cursor.TryDecode(query.Cursor, out var cursor))
        {
            entries = entries.After(e => e.OccurredAt, e => e.Id, Keyset.ParseDate(cursor!.Key), cursor.Id, descending: true);
        }

        var rows = await entries.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id).Take(limit + 1).ToListAsync(cancellationToken);
        return Keyset.ToPage(rows, limit, e => Keyset.FormatDate(e.OccurredAt), e => e.Id, AuditEntryDto.From);
    }
}
