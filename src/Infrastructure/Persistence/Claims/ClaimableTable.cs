namespace NovaPulse.Infrastructure.Persistence.Claims;

/// <summary>
/// A table whose rows workers claim, in the words the claim SQL needs: which rows are waiting (<see cref="Waiting"/>, with
/// <c>{q}</c> for the row alias), which of them are due now, and the column that orders one company's rows.
/// </summary>
public sealed record ClaimableTable(string Name, string Waiting, string? DueColumn, string OrderColumn)
{
    // Parked (dead-lettered) events stay unprocessed but are no longer claimed.
    public static ClaimableTable Outbox { get; } = new("outbox_messages", "{q}.\"ProcessedAt\" IS NULL AND {q}.\"ParkedAt\" IS NULL", null, "OccurredAt");

    public static ClaimableTable Deliveries { get; } = new(
        "webhook_deliveries", $"{{q}}.\"Status\" = {(int)Domain.Webhooks.WebhookDeliveryStatus.Pending}", "NextAttemptAt", "NextAttemptAt");

    public static ClaimableTable Notifications { get; } = new(
        "integration_notifications", $"{{q}}.\"Status\" = {(int)Domain.Integrations.IntegrationNotificationStatus.Pending}", "NextAttemptAt", "NextAttemptAt");

    /// <summary>Waiting rows of alias <paramref name="alias"/>.</summary>
    public string WaitingAs(string alias) => Waiting.Replace("{q}", alias, StringComparison.Ordinal);

    /// <summary>Waiting, due at <c>{0}</c> and not leased to anyone else.</summary>
    public string DueAs(string alias) =>
        WaitingAs(alias)
        + (DueColumn is null ? "" : $" AND {alias}.\"{DueColumn}\" <= {{0}}")
        + $" AND ({alias}.\"LockedUntil\" IS NULL OR {alias}.\"LockedUntil\" < {{0}})";
}
