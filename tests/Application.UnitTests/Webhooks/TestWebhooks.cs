using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Webhooks.Common;
using NovaPulse.Domain.Webhooks;
using NovaPulse.Infrastructure.Security;

namespace NovaPulse.Application.UnitTests.Webhooks;

/// <summary>Webhook endpoints and deliveries written straight to a <see cref="TestDatabase"/>, with the real secret protector.</summary>
public static class TestWebhooks
{
    public const string Secret = "whsec_dGVzdC1zZWNyZXQtb2YtdGhlLWVuZHBvaW50";

    public static ISecretProtector Protector { get; } =
        new AesGcmSecretProtector(Options.Create(new SecretsOptions { EncryptionKey = new string('e', 32) }));

    public static async Task<WebhookEndpoint> AddEndpointAsync(this TestDatabase database, TestTenant tenant, bool enabled = true)
    {
        var endpoint = WebhookEndpoint.Create(
            tenant.Company.Id, "https://hooks.example.com/in", ["task.created"], "Orders", enabled, Protector.Protect(Secret), database.Clock.GetUtcNow());
        await using var db = database.NewContext(actingAs: new TestCurrentUser());
        db.WebhookEndpoints.Add(endpoint);
        await db.SaveChangesAsync();
        return endpoint;
    }

    /// <summary>A delivery that ended as <paramref name="status"/> (failed for good, or succeeded), created now.</summary>
    public static async Task<WebhookDelivery> AddDeliveryAsync(
        this TestDatabase database, WebhookEndpoint endpoint, WebhookDeliveryStatus status = WebhookDeliveryStatus.Failed, string eventType = "task.created")
    {
        var now = database.Clock.GetUtcNow();
        var delivery = WebhookDelivery.Create(endpoint.CompanyId, endpoint.Id, "msg_" + Guid.NewGuid().ToString("N"), eventType, "{\"n\":1}", now);
        if (status == WebhookDeliveryStatus.Failed)
        {
            delivery.RecordFailure(500, "HTTP 500", retryAt: null, now);
        }
        else if (status == WebhookDeliveryStatus.Succeeded)
        {
            delivery.RecordSuccess(200, now);
        }

        await using var db = database.NewContext(actingAs: new TestCurrentUser());
        db.WebhookDeliveries.Add(delivery);
        if (status != WebhookDeliveryStatus.Pending)
        {
            db.WebhookAttempts.Add(WebhookAttempt.Record(endpoint.CompanyId, delivery.Id, 1, now, "{}", delivery.LastResponseStatus, null, 5, delivery.LastError));
        }

        await db.SaveChangesAsync();
        return delivery;
    }

    public static async Task<List<WebhookDelivery>> DeliveriesAsync(this TestDatabase database)
    {
        await using var db = database.NewContext(actingAs: new TestCurrentUser());
        return await db.WebhookDeliveries.IgnoreQueryFilters().AsNoTracking().OrderBy(d => d.Id).ToListAsync();
    }

    public static async Task<WebhookEndpoint?> FindEndpointAsync(this TestDatabase database, Guid id)
    {
        await using var db = database.NewContext(actingAs: new TestCurrentUser());
        return await db.WebhookEndpoints.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(e => e.Id == id);
    }
}

/// <summary>The receiver: records each request and answers <see cref="Status"/>, sending nothing over the network.</summary>
public sealed class FakeWebhookSender : IWebhookSender
{
    public int? Status { get; set; } = 200;

    public List<(Uri Url, IReadOnlyDictionary<string, string> Headers, string Body)> Requests { get; } = [];

    public Task<WebhookSendResult> SendAsync(Uri url, IReadOnlyDictionary<string, string> headers, string body, CancellationToken cancellationToken)
    {
        Requests.Add((url, headers, body));
        return Task.FromResult(new WebhookSendResult(Status, "ok", TimeSpan.FromMilliseconds(7), Status is null ? "Connection refused" : null, null));
    }
}
