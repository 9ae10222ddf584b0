using System.Text.Json;
using NovaPulse.Domain.Webhooks;

namespace NovaPulse.Application.Webhooks.Common;

/// <summary>One delivery in the logs, with its attempts (oldest first).</summary>
public sealed record WebhookDeliveryDto(
    Guid Id,
    string MessageId,
    string EventType,
    WebhookDeliveryStatus Status,
    int AttemptCount,
    DateTimeOffset? NextAttemptAt,
    int? LastResponseStatus,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt,
    Guid? ReplayOf,
    IReadOnlyList<WebhookAttemptDto> Attempts)
{
    public static WebhookDeliveryDto From(WebhookDelivery d, IEnumerable<WebhookAttempt> attempts) => new(
        d.Id, d.MessageId, d.EventType, d.Status, d.AttemptCount, d.NextAttemptAt, d.LastResponseStatus, d.LastError,
        d.CreatedAt, d.CompletedAt, d.ReplayOf, [.. attempts.OrderBy(a => a.Number).Select(WebhookAttemptDto.From)]);
}

/// <summary>One HTTP attempt: the headers sent, the answer (status, first 2 KB of the body), duration and error.</summary>
public sealed record WebhookAttemptDto(
    int Number,
    DateTimeOffset AttemptedAt,
    IReadOnlyDictionary<string, string> RequestHeaders,
    int? ResponseStatus,
    string? ResponseBody,
    int DurationMs,
    string? Error)
{
    public static WebhookAttemptDto From(WebhookAttempt a) => new(
        a.Number, a.AttemptedAt, JsonSerializer.Deserialize<Dictionary<string, string>>(a.RequestHeaders) ?? [],
        a.ResponseStatus, a.ResponseBody, a.DurationMs, a.Error);
}
