namespace NovaPulse.Dashboard.Auth;

/// <summary>The dashboard's cookie sign-in: its scheme and where people sign in and out.</summary>
public static class DashboardAuthentication
{
    public const string Scheme = "DashboardCookie";
    public const string LoginPath = "/account/login";
    public const string LogoutPath = "/account/logout";
    public const string CookieName = "novapulse.dashboard";

    /// <summary>The host's per-IP rate limit for sign-up and sign-in, shared with the API's auth endpoints.</summary>
    public const string SignInRateLimitPolicy = "auth";
}
