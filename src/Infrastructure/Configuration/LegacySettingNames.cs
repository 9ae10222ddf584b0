using Microsoft.Extensions.Configuration;
using NovaPulse.Application.Common.Options;
using NovaPulse.Application.Integrations.Common;
using NovaPulse.Infrastructure.Security;

namespace NovaPulse.Infrastructure.Configuration;

/// <summary>
/// Every older setting name still honoured, in one place: the NestJS seed's <c>.env</c> names (STRIPE_SECRET_KEY,
/// FRONTEND_URL, ...), the issue-era <c>Integrations:EncryptionKey(s)</c>, and the <c>Webhooks:*</c> keys that tuned the
/// outbox before it had its own section. The current key always wins when both are set.
/// </summary>
public static class LegacySettingNames
{
    private static readonly Dictionary<string, string> SeedEnvironment = new()
    {
        ["STRIPE_SECRET_KEY"] = "Stripe:SecretKey",
        ["STRIPE_WEBHOOK_SECRET"] = "Stripe:WebhookSecret",
        ["CLOUDINARY_CLOUD_NAME"] = "Cloudinary:CloudName",
        ["CLOUDINARY_API_KEY"] = "Cloudinary:ApiKey",
        ["CLOUDINARY_API_SECRET"] = "Cloudinary:ApiSecret",
        ["GOOGLE_CLIENT_ID"] = "Google:ClientId",
        ["GOOGLE_CLIENT_SECRET"] = "Google:ClientSecret",
        ["GOOGLE_REDIRECT_URI"] = "Google:RedirectUri",
        ["INTEGRATION_ENCRYPTION_KEY"] = "Integrations:EncryptionKey",
        ["FRONTEND_URL"] = "FrontendUrl",
    };

    /// <summary>Maps the seed's environment variables onto our keys, and reads <c>NovaPulse__</c>-prefixed variables.</summary>
    public static IConfigurationBuilder AddSeedEnvironmentNames(this ConfigurationManager configuration)
    {
        var values = SeedEnvironment
            .Select(pair => (Key: pair.Value, Value: Environment.GetEnvironmentVariable(pair.Key)))
            .Where(pair => !string.IsNullOrEmpty(pair.Value) && string.IsNullOrEmpty(configuration[pair.Key]))
            .Select(pair => new KeyValuePair<string, string?>(pair.Key, pair.Value));
        configuration.AddInMemoryCollection(values);
        configuration.AddEnvironmentVariables("NovaPulse__");
        return configuration;
    }

    /// <summary><c>Integrations:EncryptionKeys</c> (current first) or <c>Integrations:EncryptionKey</c> when <c>Secrets:EncryptionKey</c> is unset.</summary>
    public static void Apply(SecretsOptions options, IConfiguration configuration)
    {
        var versioned = configuration.GetSection("Integrations:EncryptionKeys").Get<string[]>() ?? [];
        if (string.IsNullOrWhiteSpace(options.EncryptionKey))
        {
            options.EncryptionKey = versioned.FirstOrDefault() ?? configuration["Integrations:EncryptionKey"] ?? "";
            versioned = [.. versioned.Skip(1)];
        }

        options.PreviousKeys = [.. options.PreviousKeys, .. versioned];
    }

    /// <summary>The root <c>FrontendUrl</c> (the seed's FRONTEND_URL) over <c>Integrations:FrontendUrl</c>.</summary>
    public static void Apply(IntegrationOptions options, IConfiguration configuration)
    {
        if (configuration["FrontendUrl"] is { Length: > 0 } frontend)
        {
            options.FrontendUrl = frontend;
        }
    }

    /// <summary>
    /// <c>Webhooks:BatchSize</c> and <c>Webhooks:PollInterval</c> tuned the outbox too, and its lease was
    /// <c>Webhooks:TimeoutSeconds</c> + <c>Webhooks:LeaseMargin</c>: they still do where no <c>Outbox:*</c> key is set.
    /// </summary>
    public static void Apply(OutboxSettings options, IConfiguration configuration)
    {
        var outbox = configuration.GetSection(OutboxSettings.SectionName);
        var webhooks = configuration.GetSection("Webhooks");
        if (outbox[nameof(OutboxSettings.BatchSize)] is null && webhooks.GetValue<int?>("BatchSize") is { } batchSize)
        {
            options.BatchSize = batchSize;
        }

        if (outbox[nameof(OutboxSettings.PollInterval)] is null && webhooks.GetValue<TimeSpan?>("PollInterval") is { } pollInterval)
        {
            options.PollInterval = pollInterval;
        }

        var timeout = webhooks.GetValue<int?>("TimeoutSeconds");
        var margin = webhooks.GetValue<TimeSpan?>("LeaseMargin");
        if (outbox[nameof(OutboxSettings.LeaseDuration)] is null && (timeout is not null || margin is not null))
        {
            options.LeaseDuration = TimeSpan.FromSeconds(timeout ?? 15) + (margin ?? TimeSpan.FromSeconds(45));
        }
    }
}
