using Mediator;
using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Common.Paging;
using NovaPulse.Application.Webhooks.Common;

namespace NovaPulse.Application.Webhooks.List;

public sealed class ListWebhooksQueryHandler(IAppDbContext db, ISecretProtector secrets) : IQueryHandler<ListWebhooksQuery, Page<WebhookEndpointDto>>
{
    public async ValueTask<Page<WebhookEndpointDto>> Handle(ListWebhooksQuery query, CancellationToken cancellationToken)
    {
        var limit = query.Limit ?? PageRequest.DefaultLimit;
        var endpoints = db.WebhookEndpoints.AsNoTracking();
        if (Cursor.TryDecode(query.Cursor, out var cursor))
        {
            endpoints = endpoints.After(e => e.CreatedAt, e => e.Id, Keyset.ParseDate(cursor!.Key), cursor.Id, descending: true);
        }

        var rows = await endpoints.OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id).Take(limit + 1).ToListAsync(cancellationToken);
        return Keyset.ToPage(rows, limit, e => Keyset.FormatDate(e.CreatedAt), e => e.Id, e => WebhookEndpointDto.Masked(e, secrets));
    }
}
