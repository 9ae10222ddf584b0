using NovaPulse.Application.Webhooks.Common;

namespace NovaPulse.Application.Events.Common;

/// <summary>
/// Public event ids are the webhook message ids (<c>msg_</c> + 32 hex digits), so a stream's <c>id:</c>, a webhook's
/// <c>webhook-id</c> and a <c>Last-Event-ID</c> all name the same event.
/// </summary>
public static class PublicEventId
{
    public static string Format(Guid id) => WebhookMessage.IdFor(id);

    public static bool TryParse(string? value, out Guid id)
    {
        id = Guid.Empty;
        return value is not null
            && value.StartsWith(WebhookMessage.IdPrefix, StringComparison.Ordinal)
            && value.Length == WebhookMessage.IdPrefix.Length + 32
            && Guid.TryParseExact(value[WebhookMessage.IdPrefix.Length..], "N", out id);
    }
}
