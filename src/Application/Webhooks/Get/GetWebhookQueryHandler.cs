using Mediator;
using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Webhooks.Common;

namespace NovaPulse.Application.Webhooks.Get;

public sealed class GetWebhookQueryHandler(IAppDbContext db, ISecretProtector secrets) : IQueryHandler<GetWebhookQuery, WebhookEndpointDto>
{
    public async ValueTask<WebhookEndpointDto> Handle(GetWebhookQuery query, CancellationToken cancellationToken)
    {
        var endpoint = await db.WebhookEndpoints.AsNoTracking().SingleOrDefaultAsync(e => e.Id == query.Id, cancellationToken)
            ?? throw AppException.NotFound("Webhook", query.Id);
        return WebhookEndpointDto.Masked(endpoint, secrets);
    }
}
