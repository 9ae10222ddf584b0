using NovaPulse.Domain.Common;

namespace NovaPulse.Domain.Webhooks;

/// <summary>
/// One event to one endpoint. <see cref="MessageId"/> is the <c>webhook-id</c> header: the event's id, stable across
/// retries and replays so receivers can deduplicate. Pending deliveries are claimed by workers with a lease
/// (<see cref="LockedUntil"/>) and attempted when <see cref="NextAttemptAt"/> is due.
/// </summary>
public sealed class WebhookDelivery : ITenantOwned
{
    private WebhookDelivery()
    {
    }

    public Guid Id { get; private init; } = SequentialId.New();

    public Guid CompanyId { get; private set; }

    public Guid EndpointId { get; private set; }

    /// <summary>The <c>webhook-id</c>: <c>msg_</c> + the event id.</summary>
    public string MessageId { get; private set; } = "";

    public string EventType { get; private set; } = "";

    /// <summary>The exact JSON body sent (and signed): <c>{ id, type, timestamp, data }</c>.</summary>
    public string Payload { get; private set; } = "{}";

    public WebhookDeliveryStatus Status { get; private set; }

    public int AttemptCount { get; private set; }

    public DateTimeOffset? NextAttemptAt { get; private set; }

    public DateTimeOffset? LockedUntil { get; private set; }

    public int? LastResponseStatus { get; private set; }

    public string? LastError { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>The delivery this one re-sends (replay / recover), if any.</summary>
    public Guid? ReplayOf { get; private set; }

    public static WebhookDelivery Create(
        Guid companyId, Guid endpointId, string messageId, string eventType, string payload, DateTimeOffset now, Guid? replayOf = null) => new()
        {
            CompanyId = companyId,
            EndpointId = endpointId,
            MessageId = messageId,
            EventType = eventType,
            Payload = payload,
            Status = WebhookDeliveryStatus.Pending,
            NextAttemptAt = now,
            CreatedAt = now,
            ReplayOf = replayOf,
        };

    /// <summary>A fresh delivery of the same message to the same endpoint (same <c>webhook-id</c>).</summary>
    public WebhookDelivery Replay(DateTimeOffset now) => Create(CompanyId, EndpointId, MessageId, EventType, Payload, now, Id);

    /// <summary>Reserves the delivery for one worker (or a synchronous test send) until <paramref name="until"/>.</summary>
    public void Lease(DateTimeOffset until) => LockedUntil = until;

    public void RecordSuccess(int status, DateTimeOffset now)
    {
        AttemptCount++;
        Status = WebhookDeliveryStatus.Succeeded;
        LastResponseStatus = status;
        LastError = null;
        NextAttemptAt = null;
        LockedUntil = null;
        CompletedAt = now;
    }

    /// <summary>Records a failed attempt: retried at <paramref name="retryAt"/>, or failed for good when it is null.</summary>
    public void RecordFailure(int? status, string? error, DateTimeOffset? retryAt, DateTimeOffset now)
    {
        AttemptCount++;
        LastResponseStatus = status;
        LastError = Truncate(error);
        LockedUntil = null;
        NextAttemptAt = retryAt;
        if (retryAt is null)
        {
            Status = WebhookDeliveryStatus.Failed;
            CompletedAt = now;
        }
    }

    /// <summary>Gives up without an attempt (the endpoint was disabled or deleted meanwhile).</summary>
    public void Abandon(string reason, DateTimeOffset now)
    {
        Status = WebhookDeliveryStatus.Failed;
        LastError = Truncate(reason);
        NextAttemptAt = null;
        LockedUntil = null;
        CompletedAt = now;
    }

    private static string? Truncate(string? text) => text is { Length: > 1000 } ? text[..1000] : text;
}
