namespace NovaPulse.Application.Integrations.Common;

/// <summary>
/// Section <c>Google</c> (or GOOGLE_CLIENT_ID / GOOGLE_CLIENT_SECRET / GOOGLE_REDIRECT_URI). The endpoints are configurable so
/// tests point the real client code at a local fake; without a client id, secret and redirect URI the Google endpoints answer 409 <c>google_not_configured</c>.
/// </summary>
public sealed class GoogleOptions
{
    public const string SectionName = "Google";

    public string ClientId { get; set; } = "";

    public string ClientSecret { get; set; } = "";

    /// <summary>This API's callback as registered with Google: <c>https://api.example.com/api/v1/integrations/oauth/google/callback</c>.</summary>
    public string RedirectUri { get; set; } = "";

    public string AuthorizationEndpoint { get; set; } = "https://accounts.google.com/o/oauth2/v2/auth";

    public string TokenEndpoint { get; set; } = "https://oauth2.googleapis.com/token";

    public string UserInfoEndpoint { get; set; } = "https://openidconnect.googleapis.com/v1/userinfo";

    public string RevocationEndpoint { get; set; } = "https://oauth2.googleapis.com/revoke";

    public string Scopes { get; set; } = "openid email";

    public bool IsConfigured => ClientId.Length > 0 && ClientSecret.Length > 0 && RedirectUri.Length > 0;
}

public static class GoogleOptionsExtensions
{
    /// <summary>The options, or a 409 <c>google_not_configured</c> naming the settings to add.</summary>
    public static GoogleOptions RequireConfigured(this GoogleOptions options) => options.IsConfigured
        ? options
        : throw Application.Common.Exceptions.AppException.NotConfigured(
            Application.Common.Exceptions.ErrorCodes.GoogleNotConfigured,
            "Google is not configured: set Google:ClientId, Google:ClientSecret and Google:RedirectUri (GOOGLE_CLIENT_ID/SECRET/REDIRECT_URI).");
}
