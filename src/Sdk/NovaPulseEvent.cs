using System.Text.Json;

namespace NovaPulse.Sdk;

/// <summary>
/// One event from <see cref="NovaPulseClient.StreamEventsAsync"/>. <see cref="Body"/> is exactly the JSON a webhook
/// delivery of the event carries (<c>{ "id", "type", "timestamp", "data" }</c>), and <see cref="Id"/> its <c>webhook-id</c>.
/// </summary>
public sealed record NovaPulseEvent(string Id, string Type, string Body)
{
    /// <summary>The event's <c>data</c> object.</summary>
    public JsonElement Data
    {
        get
        {
            using var document = JsonDocument.Parse(Body);
            return document.RootElement.TryGetProperty("data", out var data) ? data.Clone() : default;
        }
    }
}
