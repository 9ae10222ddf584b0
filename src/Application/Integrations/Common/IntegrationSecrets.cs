using System.Text.Json;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Domain.Integrations;

namespace NovaPulse.Application.Integrations.Common;

/// <summary>Reads and writes an integration's settings JSON and its encrypted credentials.</summary>
public static class IntegrationSecrets
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static string Seal<T>(this ISecretProtector protector, T secret) => protector.Protect(JsonSerializer.Serialize(secret, Json));

    public static T Open<T>(this ISecretProtector protector, Integration integration) =>
        JsonSerializer.Deserialize<T>(protector.Unprotect(integration.Secret), Json)
        ?? throw new InvalidOperationException($"Integration {integration.Id} has no credentials.");

    public static string Serialize<T>(T settings) => JsonSerializer.Serialize(settings, Json);

    public static T SettingsOf<T>(Integration integration) =>
        JsonSerializer.Deserialize<T>(integration.Settings, Json) ?? throw new InvalidOperationException($"Integration {integration.Id} has no settings.");
}
