using System.Globalization;
using System.Text;
using System.Text.Json;

namespace NovaPulse.Application.Webhooks.Common;

/// <summary>The delivered JSON: <c>{ "id", "type", "timestamp", "data" }</c>; built once per event and signed as is.</summary>
public static class WebhookMessage
{
    public const string IdPrefix = "msg_";

    public static string IdFor(Guid eventId) => IdPrefix + eventId.ToString("N", CultureInfo.InvariantCulture);

    public static string Build(string messageId, string type, DateTimeOffset timestamp, string dataJson)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("id", messageId);
            writer.WriteString("type", type);
            writer.WriteString("timestamp", timestamp.ToUniversalTime());
            writer.WritePropertyName("data");
            writer.WriteRawValue(dataJson);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
