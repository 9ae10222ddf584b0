using NovaPulse.Domain.Common;

namespace NovaPulse.Domain.Integrations;

/// <summary>
/// A company's connection to an outside service. <see cref="Settings"/> holds the non-secret configuration as JSON;
/// every credential (SMTP password, Slack webhook URL, Google tokens) lives encrypted in <see cref="Secret"/>.
/// </summary>
public sealed class Integration : Entity, ITenantOwned, IAuditable
{
    public const int DisplayNameMaxLength = 200;
    public const int SettingsMaxLength = 4000;
    public const int ErrorMaxLength = 500;
    public const int MaxNotificationEvents = 50;

    private Integration()
    {
    }

    public Guid CompanyId { get; private set; }

    public IntegrationType Type { get; private set; }

    public IntegrationStatus Status { get; private set; }

    public string DisplayName { get; private set; } = "";

    /// <summary>Non-secret settings (JSON, shape per <see cref="Type"/>).</summary>
    public string Settings { get; private set; } = "{}";

    /// <summary>The encrypted credentials (JSON before encryption, shape per <see cref="Type"/>).</summary>
    [Sensitive]
    public string Secret { get; private set; } = "";

    /// <summary>Event types this integration sends a message for.</summary>
    public List<string> NotificationEvents { get; private set; } = [];

    public DateTimeOffset? LastTestedAt { get; private set; }

    /// <summary>
    /// Moves on every <see cref="Reconfigure"/>: a send's outcome is recorded only on the configuration it was made with
    /// (a concurrency token), not on the settings an Admin saved while it was in flight.
    /// </summary>
    public int ConfigurationVersion { get; private set; } = 1;

    public string? LastError { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static Integration Connect(
        Guid companyId, IntegrationType type, string displayName, string settings, string protectedSecret, DateTimeOffset now) => new()
        {
            CompanyId = companyId,
            Type = type,
            Status = IntegrationStatus.Connected,
            DisplayName = Truncate(displayName, DisplayNameMaxLength),
            Settings = settings,
            Secret = protectedSecret,
            CreatedAt = now,
            UpdatedAt = now,
        };

    /// <summary>New settings and credentials: the integration counts as working again until a send says otherwise.</summary>
    public void Reconfigure(string displayName, string settings, string protectedSecret, DateTimeOffset now)
    {
        DisplayName = Truncate(displayName, DisplayNameMaxLength);
        Settings = settings;
        Secret = protectedSecret;
        Status = IntegrationStatus.Connected;
        LastError = null;
        ConfigurationVersion++;
        UpdatedAt = now;
    }

    /// <summary>Credentials changed by the platform itself (a refreshed access token, a key rotation): status untouched.</summary>
    public void ReplaceSecret(string protectedSecret, DateTimeOffset now)
    {
        Secret = protectedSecret;
        UpdatedAt = now;
    }

    public void RecordSuccess(DateTimeOffset now, bool tested)
    {
        Status = IntegrationStatus.Connected;
        LastError = null;
        if (tested)
        {
            LastTestedAt = now;
        }

        UpdatedAt = now;
    }

    /// <summary>A failed send: <paramref name="outcome"/> says whether the provider's answer is final (broken, disconnected) or worth retrying later.</summary>
    public void RecordFailure(string error, IntegrationStatus outcome, DateTimeOffset now, bool tested)
    {
        LastError = Truncate(error, ErrorMaxLength);
        Status = outcome;
        if (tested)
        {
            LastTestedAt = now;
        }

        UpdatedAt = now;
    }

    public void SubscribeTo(IEnumerable<string> eventTypes, DateTimeOffset now)
    {
        var events = eventTypes.Select(e => e.Trim()).Where(e => e.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (events.Count > MaxNotificationEvents)
        {
            throw new DomainRuleException("too_many_events", $"An integration can subscribe to at most {MaxNotificationEvents} event types.");
        }

        NotificationEvents = events;
        UpdatedAt = now;
    }

    /// <summary>Only a working integration sends notifications: a broken one would fail every time.</summary>
    public bool Notifies(string eventType) => Status == IntegrationStatus.Connected && NotificationEvents.Contains(eventType);

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
