using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Webhooks.Common;
using NovaPulse.Domain.Webhooks;

namespace NovaPulse.Application.Webhooks.Delivery;

/// <summary>
/// Turns each outbox event into one pending delivery per enabled endpoint of its company that subscribes to its type.
/// Runs in the outbox processor's transaction (see <see cref="IOutboxEventConsumer"/>).
/// </summary>
public sealed class WebhookFanOutConsumer(IAppDbContext db, TimeProvider clock) : IOutboxEventConsumer
{
    // One instance per batch (scoped): endpoints are read once per company, not once per event.
    private readonly Dictionary<Guid, List<WebhookEndpoint>> _endpoints = [];

    public int Staged { get; private set; }

    public async ValueTask ConsumeAsync(OutboxEvent outboxEvent, CancellationToken cancellationToken)
    {
        if (!_endpoints.TryGetValue(outboxEvent.CompanyId, out var endpoints))
        {
            // The worker acts for no tenant: the company comes from the event itself.
            endpoints = await db.WebhookEndpoints.IgnoreQueryFilters().AsNoTracking()
                .Where(e => e.CompanyId == outboxEvent.CompanyId && e.Enabled)
                .ToListAsync(cancellationToken);
            _endpoints[outboxEvent.CompanyId] = endpoints;
        }

        // An endpoint receives what happens after it was created, not a backlog from before.
        var matching = endpoints.Where(e => e.Subscribes(outboxEvent.Type) && e.CreatedAt <= outboxEvent.OccurredAt).ToList();
        if (matching.Count == 0)
        {
            return;
        }

        var messageId = WebhookMessage.IdFor(outboxEvent.Id);
        var body = WebhookMessage.Build(messageId, outboxEvent.Type, outboxEvent.OccurredAt, outboxEvent.Payload);
        var now = clock.GetUtcNow();
        foreach (var endpoint in matching)
        {
            db.WebhookDeliveries.Add(WebhookDelivery.Create(outboxEvent.CompanyId, endpoint.Id, messageId, outboxEvent.Type, body, now));
            Staged++;
        }
    }
}
