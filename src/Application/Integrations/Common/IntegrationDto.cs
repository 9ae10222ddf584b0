using NovaPulse.Domain.Integrations;

namespace NovaPulse.Application.Integrations.Common;

/// <summary>An integration as the API shows it: credentials never leave, only whether they are set (<c>********</c>).</summary>
public sealed record IntegrationDto(
    Guid Id,
    IntegrationType Type,
    IntegrationStatus Status,
    string DisplayName,
    IReadOnlyDictionary<string, string?> Settings,
    IReadOnlyList<string> NotificationEvents,
    DateTimeOffset? LastTestedAt,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public const string Masked = "********";

    public static IntegrationDto From(Integration integration) => new(
        integration.Id,
        integration.Type,
        integration.Status,
        integration.DisplayName,
        MaskedSettings(integration),
        integration.NotificationEvents,
        integration.LastTestedAt,
        integration.LastError,
        integration.CreatedAt,
        integration.UpdatedAt);

    private static Dictionary<string, string?> MaskedSettings(Integration integration)
    {
        switch (integration.Type)
        {
            case IntegrationType.Email:
                var email = IntegrationSecrets.SettingsOf<EmailSettings>(integration);
                return new()
                {
                    ["host"] = email.Host,
                    ["port"] = email.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["username"] = email.Username,
                    ["password"] = email.HasPassword ? Masked : null,
                    ["fromAddress"] = email.FromAddress,
                    ["fromName"] = email.FromName,
                    ["security"] = email.Security.ToString().ToLowerInvariant(),
                };
            case IntegrationType.Slack:
                var slack = IntegrationSecrets.SettingsOf<SlackSettings>(integration);
                return new() { ["webhookUrl"] = $"https://{slack.WebhookHost}/{Masked}", ["channel"] = slack.Channel };
            default:
                var google = IntegrationSecrets.SettingsOf<GoogleSettings>(integration);
                return new() { ["accountEmail"] = google.AccountEmail, ["scope"] = google.Scope, ["refreshToken"] = Masked };
        }
    }
}

/// <summary>How a test send went; the integration's status and last error are updated the same way.</summary>
public sealed record IntegrationTestResult(bool Succeeded, IntegrationStatus Status, string? Error, DateTimeOffset TestedAt);
