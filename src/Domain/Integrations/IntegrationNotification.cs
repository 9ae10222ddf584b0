using NovaPulse.Domain.Common;

namespace NovaPulse.Domain.Integrations;

/// <summary>
/// One message an integration owes for one event (per recipient for email), written by the outbox fan-out and sent by
/// the notification worker outside any transaction. Pending rows are claimed with a lease (<see cref="LockedUntil"/>) and
/// attempted when <see cref="NextAttemptAt"/> is due; the text is fixed when the event is fanned out.
/// </summary>
public sealed class IntegrationNotification : ITenantOwned
{
    public const int SubjectMaxLength = 1000;
    public const int ErrorMaxLength = 1000;

    private IntegrationNotification()
    {
    }

    public Guid Id { get; private init; } = SequentialId.New();

    public Guid CompanyId { get; private set; }

    public Guid IntegrationId { get; private set; }

    /// <summary>The outbox event this notification is for.</summary>
    public Guid EventId { get; private set; }

    public string EventType { get; private set; } = "";

    /// <summary>The email address it goes to; null for Slack (the channel of the webhook).</summary>
    public string? Recipient { get; private set; }

    public string Subject { get; private set; } = "";

    public string Body { get; private set; } = "";

    public IntegrationNotificationStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset? NextAttemptAt { get; private set; }

    public DateTimeOffset? LockedUntil { get; private set; }

    public string? LastError { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public static IntegrationNotification Create(
        Guid companyId, Guid integrationId, Guid eventId, string eventType, string? recipient, string subject, string body, DateTimeOffset now) => new()
        {
            CompanyId = companyId,
            IntegrationId = integrationId,
            EventId = eventId,
            EventType = eventType,
            Recipient = recipient,
            Subject = Truncate(subject, SubjectMaxLength)!,
            Body = body,
            Status = IntegrationNotificationStatus.Pending,
            NextAttemptAt = now,
            CreatedAt = now,
        };

    public void RecordSent(DateTimeOffset now)
    {
        Attempts++;
        Status = IntegrationNotificationStatus.Sent;
        LastError = null;
        NextAttemptAt = null;
        LockedUntil = null;
        CompletedAt = now;
    }

    /// <summary>A failed attempt: tried again at <paramref name="retryAt"/>, or failed for good when it is null.</summary>
    public void RecordFailure(string error, DateTimeOffset? retryAt, DateTimeOffset now)
    {
        Attempts++;
        LastError = Truncate(error, ErrorMaxLength);
        LockedUntil = null;
        NextAttemptAt = retryAt;
        if (retryAt is null)
        {
            Status = IntegrationNotificationStatus.Failed;
            CompletedAt = now;
        }
    }

    /// <summary>Gives up without an attempt: the integration was deleted or no longer works.</summary>
    public void Abandon(string reason, DateTimeOffset now)
    {
        Status = IntegrationNotificationStatus.Failed;
        LastError = Truncate(reason, ErrorMaxLength);
        NextAttemptAt = null;
        LockedUntil = null;
        CompletedAt = now;
    }

    private static string? Truncate(string? text, int length) => text is not null && text.Length > length ? text[..length] : text;
}
