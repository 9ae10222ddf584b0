using Mediator;
using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Common.Paging;
using NovaPulse.Application.Webhooks.Common;

namespace NovaPulse.Application.Webhooks.Logs;

public sealed class ListWebhookDeliveriesQueryHandler(IAppDbContext db) : IQueryHandler<ListWebhookDeliveriesQuery, Page<WebhookDeliveryDto>>
{
    public async ValueTask<Page<WebhookDeliveryDto>> Handle(ListWebhookDeliveriesQuery query, CancellationToken cancellationToken)
    {
        if (!await db.WebhookEndpoints.AnyAsync(e => e.Id == query.Id, cancellationToken))
        {
            throw AppException.NotFound("Webhook", query.Id);
        }

        var limit = query.Limit ?? PageRequest.DefaultLimit;
        var deliveries = db.WebhookDeliveries.AsNoTracking().Where(d => d.EndpointId == query.Id);
        if (query.Status is { } status)
        {
            deliveries = deliveries.Where(d => d.Status == status);
        }

        if (query.EventType is { Length: > 0 } type)
        {
            deliveries = deliveries.Where(d => d.EventType == type);
        }

        if (Cursor.TryDecode(query.Cursor, out var cursor))
        {
            deliveries = deliveries.After(d => d.CreatedAt, d => d.Id, Keyset.ParseDate(cursor!.Key), cursor.Id, descending: true);
        }

        var rows = await deliveries.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Take(limit + 1).ToListAsync(cancellationToken);
        var ids = rows.Select(d => d.Id).ToList();
        var attempts = (await db.WebhookAttempts.AsNoTracking().Where(a => ids.Contains(a.DeliveryId)).ToListAsync(cancellationToken))
            .ToLookup(a => a.DeliveryId);
        return Keyset.ToPage(rows, limit, d => Keyset.FormatDate(d.CreatedAt), d => d.Id, d => WebhookDeliveryDto.From(d, attempts[d.Id]));
    }
}
