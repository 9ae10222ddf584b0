using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using NovaPulse.Domain.Webhooks;

namespace NovaPulse.WebApi.IntegrationTests.Infrastructure;

public static class WebhookTestExtensions
{
    public static async Task<JsonNode> CreateWebhookAsync(this HttpClient client, string url, params string[] events)
    {
        var response = await client.PostAsJsonAsync("/api/v1/webhooks", new { url, events = events.Length == 0 ? ["*"] : events });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonNode.Parse(text)!;
    }

    public static Task<List<WebhookDelivery>> DeliveriesAsync(this NovaPulseFactory factory, Guid endpointId) =>
        factory.WithDbAsync(db => db.WebhookDeliveries.IgnoreTenant().AsNoTracking().Where(d => d.EndpointId == endpointId).ToListAsync());

    public static Task<List<WebhookAttempt>> AttemptsAsync(this NovaPulseFactory factory, Guid deliveryId) =>
        factory.WithDbAsync(db => db.WebhookAttempts.IgnoreTenant().AsNoTracking().Where(a => a.DeliveryId == deliveryId).ToListAsync());

    public static Task<WebhookEndpoint> EndpointAsync(this NovaPulseFactory factory, Guid endpointId) =>
        factory.WithDbAsync(db => db.WebhookEndpoints.IgnoreTenant().AsNoTracking().SingleAsync(e => e.Id == endpointId));

    /// <summary>Polls the database (real time) until the endpoint's single delivery satisfies <paramref name="condition"/>.</summary>
    public static async Task<WebhookDelivery> WaitForDeliveryAsync(
        this NovaPulseFactory factory, Guid endpointId, Func<WebhookDelivery, bool> condition, int timeoutSeconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (true)
        {
            var deliveries = await factory.DeliveriesAsync(endpointId);
            if (deliveries.FirstOrDefault(condition) is { } match)
            {
                return match;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("No delivery matched: " + string.Join("; ", deliveries.Select(d => $"{d.Status} attempts={d.AttemptCount} next={d.NextAttemptAt:O} err={d.LastError}")));
            }

            await Task.Delay(20);
        }
    }

    public static Guid Id(this JsonNode node) => Guid.Parse(node["id"]!.GetValue<string>());
}
