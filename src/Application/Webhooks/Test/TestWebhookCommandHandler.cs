using System.Text.Json;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NovaPulse.Application.Common.Events;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Webhooks.Common;
using NovaPulse.Application.Webhooks.Delivery;
using NovaPulse.Domain.Webhooks;

namespace NovaPulse.Application.Webhooks.Test;

public sealed class TestWebhookCommandHandler(
    IAppDbContext db, WebhookDeliveryProcessor processor, IOptions<WebhookOptions> options, TimeProvider clock)
    : ICommandHandler<TestWebhookCommand, WebhookTestResult>
{
    public async ValueTask<WebhookTestResult> Handle(TestWebhookCommand command, CancellationToken cancellationToken)
    {
        var endpoint = await db.WebhookEndpoints.AsNoTracking().SingleOrDefaultAsync(e => e.Id == command.Id, cancellationToken)
            ?? throw AppException.NotFound("Webhook", command.Id);
        var now = clock.GetUtcNow();
        var messageId = WebhookMessage.IdFor(Guid.CreateVersion7());
        var data = JsonSerializer.Serialize(new WebhookTestPayload("This is a test event from NovaPulse.", endpoint.Id), JsonSerializerOptions.Web);
        var delivery = WebhookDelivery.Create(
            endpoint.CompanyId, endpoint.Id, messageId, EventCatalogue.WebhookTest, WebhookMessage.Build(messageId, EventCatalogue.WebhookTest, now, data), now);
        // Held by this request so no worker sends it at the same time.
        delivery.Lease(now + options.Value.LeaseDuration);
        db.WebhookDeliveries.Add(delivery);
        await db.SaveChangesAsync(cancellationToken);

        var outcome = await processor.AttemptAsync(delivery.Id, cancellationToken);
        var result = outcome.Result;
        return new WebhookTestResult(
            delivery.Id,
            messageId,
            outcome.Outcome == WebhookDeliveryOutcome.Succeeded,
            result?.StatusCode,
            (int)Math.Round(result?.Duration.TotalMilliseconds ?? 0),
            result?.Error ?? (outcome.Outcome == WebhookDeliveryOutcome.Abandoned ? delivery.LastError : null));
    }
}
