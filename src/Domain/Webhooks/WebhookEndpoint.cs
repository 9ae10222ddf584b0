using NovaPulse.Domain.Common;

namespace NovaPulse.Domain.Webhooks;

/// <summary>
/// A customer URL subscribed to event types. The signing secret is stored encrypted; during a rotation the previous
/// secret keeps signing (alongside the new one) until <see cref="PreviousSecretExpiresAt"/>.
/// </summary>
public sealed class WebhookEndpoint : Entity, ITenantOwned, IHasAuditedAction
{
    public const int UrlMaxLength = 2000;
    public const int DescriptionMaxLength = 500;
    public const int MaxEventTypes = 50;
    public const string AllEvents = "*";
    public static readonly TimeSpan RotationOverlap = TimeSpan.FromHours(24);

    /// <summary>The audit action of the platform's switch-off (<see cref="DisableAutomatically"/>).</summary>
    public const string DisabledAuditAction = "webhook.endpoint_disabled";

    private AuditedAction? _pendingAuditedAction;

    private WebhookEndpoint()
    {
    }

    public Guid CompanyId { get; private set; }

    public string Url { get; private set; } = "";

    public string? Description { get; private set; }

    /// <summary>Subscribed event types, or <c>*</c> for all.</summary>
    public List<string> EventTypes { get; private set; } = [];

    public bool Enabled { get; private set; }

    /// <summary>Why the platform disabled the endpoint (<c>gone</c>, <c>failing</c>); null when a person did, or enabled.</summary>
    public string? DisabledReason { get; private set; }

    /// <summary>Start of the current run of failed attempts (null after a success); drives auto-disable.</summary>
    public DateTimeOffset? FailingSince { get; private set; }

    /// <summary>The encrypted <c>whsec_...</c> secret.</summary>
    [Sensitive]
    public string Secret { get; private set; } = "";

    [Sensitive]
    public string? PreviousSecret { get; private set; }

    public DateTimeOffset? PreviousSecretExpiresAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public AuditedAction? PendingAuditedAction => _pendingAuditedAction;

    public static WebhookEndpoint Create(
        Guid companyId, string url, IEnumerable<string> eventTypes, string? description, bool enabled, string protectedSecret, DateTimeOffset now) => new()
        {
            CompanyId = companyId,
            Url = url.Trim(),
            EventTypes = NormalizeEventTypes(eventTypes),
            Description = description,
            Enabled = enabled,
            Secret = protectedSecret,
            CreatedAt = now,
            UpdatedAt = now,
        };

    /// <summary>
    /// Applies the given changes: absent or null fields stay as they are, an empty description clears it, and enabling
    /// clears the failure streak.
    /// </summary>
    public void Update(
        Optional<string?> url, Optional<IReadOnlyList<string>?> eventTypes, Optional<string?> description, Optional<bool?> enabled, DateTimeOffset now)
    {
        if (url is { HasValue: true, Value: { } newUrl })
        {
            Url = newUrl.Trim();
        }

        if (eventTypes is { HasValue: true, Value: { } newEventTypes })
        {
            EventTypes = NormalizeEventTypes(newEventTypes);
        }

        if (description is { HasValue: true, Value: { } newDescription })
        {
            Description = newDescription.Length == 0 ? null : newDescription;
        }

        if (enabled is { HasValue: true, Value: { } on } && on != Enabled)
        {
            Enabled = on;
            DisabledReason = null;
            FailingSince = null;
        }

        UpdatedAt = now;
    }

    /// <summary>Installs a new secret; the current one stays valid (signatures carry both) for <see cref="RotationOverlap"/>.</summary>
    public void RotateSecret(string protectedSecret, DateTimeOffset now)
    {
        PreviousSecret = Secret;
        PreviousSecretExpiresAt = now + RotationOverlap;
        Secret = protectedSecret;
        UpdatedAt = now;
    }

    /// <summary>The same secrets sealed again under the current encryption key (key rotation); nothing else changes.</summary>
    public void ResealSecrets(string protectedSecret, string? protectedPreviousSecret)
    {
        Secret = protectedSecret;
        PreviousSecret = protectedPreviousSecret;
    }

    /// <summary>The secrets deliveries are signed with at <paramref name="now"/>: the current one, then the previous during the overlap.</summary>
    public IReadOnlyList<string> SigningSecrets(DateTimeOffset now) =>
        PreviousSecret is not null && PreviousSecretExpiresAt > now ? [Secret, PreviousSecret] : [Secret];

    /// <summary>The platform's switch-off (410 Gone, sustained failure), as opposed to a person's PATCH.</summary>
    public const string DisabledGone = "gone";

    public const string DisabledFailing = "failing";

    /// <summary>
    /// The platform switches the endpoint off for <paramref name="reason"/> (<see cref="DisabledGone"/>,
    /// <see cref="DisabledFailing"/>), audited as <see cref="DisabledAuditAction"/> with the failure streak's start.
    /// False, and nothing changes, when it is already disabled.
    /// </summary>
    public bool DisableAutomatically(string reason, DateTimeOffset now)
    {
        if (!Enabled)
        {
            return false;
        }

        Enabled = false;
        DisabledReason = reason;
        UpdatedAt = now;
        _pendingAuditedAction = new AuditedAction(DisabledAuditAction, [nameof(Enabled), nameof(DisabledReason), nameof(FailingSince)]);
        return true;
    }

    public void ClearPendingAuditedAction() => _pendingAuditedAction = null;

    public bool Subscribes(string eventType) => EventTypes.Contains(AllEvents) || EventTypes.Contains(eventType);

    public static List<string> NormalizeEventTypes(IEnumerable<string> eventTypes)
    {
        var types = eventTypes.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        return types.Contains(AllEvents) ? [AllEvents] : types;
    }
}
