using NovaPulse.Sdk;

namespace NovaPulse.Cli;

/// <summary>Which API the CLI talks to and with which credentials: the environment first, then the profile.</summary>
internal static class CliConnection
{
    public const string DefaultApiUrl = "http://localhost:5080";

    /// <summary>A client from the environment (NOVAPULSE_API_URL, NOVAPULSE_API_KEY) or the profile.</summary>
    public static NovaPulseClient Connect(CliContext context)
    {
        var config = CliConfig.Load(CliConfig.PathFor(context));
        var url = ApiUrl(context, config);
        if (context.GetEnvironmentVariable("NOVAPULSE_API_KEY") is { Length: > 0 } key)
        {
            return Connect(context, url, key, null);
        }

        if (config.ApiKey is null && config.AccessToken is null)
        {
            throw new UsageException("Not signed in: run 'novapulse login' or set NOVAPULSE_API_KEY.");
        }

        if (config.ApiKey is not null)
        {
            return Connect(context, url, config.ApiKey, null);
        }

        // A signed-in user: an expired access token is refreshed by the SDK and the new pair stored for the next run.
        var path = CliConfig.PathFor(context);
        return Connect(context, url, null, config.AccessToken, config.RefreshToken, (access, refresh) =>
        {
            var current = CliConfig.Load(path);
            current.AccessToken = access;
            current.RefreshToken = refresh;
            current.Save(path);
        });
    }

    public static NovaPulseClient Connect(
        CliContext context, string url, string? apiKey, string? accessToken, string? refreshToken = null, Action<string, string>? refreshed = null) =>
        NovaPulseClient.Init(new NovaPulseOptions
        {
            BaseUrl = new Uri(url),
            ApiKey = apiKey,
            AccessToken = accessToken,
            RefreshToken = refreshToken,
            TokensRefreshed = refreshed,
            Timeout = TimeSpan.FromSeconds(60),
            PrimaryHandler = context.HttpHandler,
        });

    public static string ApiUrl(CliContext context, CliConfig config)
    {
        var url = context.GetEnvironmentVariable("NOVAPULSE_API_URL") is { Length: > 0 } fromEnv ? fromEnv : config.ApiUrl;
        if (string.IsNullOrEmpty(url))
        {
            throw new UsageException("No API URL: run 'novapulse init --api-url <url>' or set NOVAPULSE_API_URL.");
        }

        ValidateUrl(url);
        return url;
    }

    public static void ValidateUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new UsageException($"'{url}' is not an http(s) URL.");
        }
    }
}
