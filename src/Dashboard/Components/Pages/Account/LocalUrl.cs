using System.Text.RegularExpressions;

namespace NovaPulse.Dashboard.Components.Pages.Account;

/// <summary>Where to go after signing in: only a path on this site (never <c>//evil.example</c> or an absolute URL).</summary>
public static partial class LocalUrl
{
    public const string Home = "/dashboard/tasks";

    public static string OrHome(string? returnUrl)
    {
        // "https:", "javascript:" and the like: a URL with a scheme never stays on this site.
        if (string.IsNullOrWhiteSpace(returnUrl) || Scheme().IsMatch(returnUrl))
        {
            return Home;
        }

        var path = returnUrl.StartsWith('/') ? returnUrl : "/" + returnUrl;
        var safe = !path.StartsWith("//", StringComparison.Ordinal) && !path.Contains('\\', StringComparison.Ordinal)
            && Uri.IsWellFormedUriString(path, UriKind.Relative);
        return safe ? path : Home;
    }

    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex Scheme();
}
