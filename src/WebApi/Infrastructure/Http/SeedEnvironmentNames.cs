namespace NovaPulse.WebApi.Infrastructure.Http;

/// <summary>
/// Honours the NestJS seed's <c>.env</c> names (STRIPE_SECRET_KEY, FRONTEND_URL, ...) by mapping them onto our
/// configuration keys, and <c>NovaPulse__</c>-prefixed variables; explicit configuration keys still win.
/// </summary>
public static class SeedEnvironmentNames
{
    private static readonly Dictionary<string, string> Map = new()
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

    public static IConfigurationBuilder AddSeedEnvironmentNames(this ConfigurationManager configuration)
    {
        var values = Map
            .Select(pair => (Key: pair.Value, Value: Environment.GetEnvironmentVariable(pair.Key)))
            .Where(pair => !string.IsNullOrEmpty(pair.Value) && string.IsNullOrEmpty(configuration[pair.Key]))
            .Select(pair => new KeyValuePair<string, string?>(pair.Key, pair.Value));
        configuration.AddInMemoryCollection(values);
        configuration.AddEnvironmentVariables("NovaPulse__");
        return configuration;
    }
}
