using NovaPulse.Dashboard.Auth;

namespace NovaPulse.WebApi.Infrastructure.Auth;

public static class AuthSchemes
{
    /// <summary>Picks JWT, API key or the dashboard cookie per request (see <see cref="Select"/>).</summary>
    public const string Default = "NovaPulse";
    public const string Jwt = "Bearer";
    public const string ApiKey = "ApiKey";
    public const string ApiKeyHeader = "X-Api-Key";

    /// <summary>
    /// The API (<c>/api</c>) takes only bearer tokens and API keys, never the cookie: a browser sends cookies on
    /// cross-site requests, and the API has no antiforgery checks. Everything else is the dashboard, signed in by cookie.
    /// </summary>
    public static string Select(HttpContext context) =>
        !context.Request.Path.StartsWithSegments("/api") ? DashboardAuthentication.Scheme
        : ApiKeyAuthenticationHandler.PresentedKey(context.Request) is null ? Jwt
        : ApiKey;
}
