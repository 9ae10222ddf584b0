using Microsoft.Extensions.Options;
using NovaPulse.Application.Integrations.Common;

namespace NovaPulse.Application.Billing.Common;

/// <summary>
/// Where a request may have Stripe send the customer back to: the frontend's origin (<c>FrontendUrl</c>), the origins
/// of the configured <c>Billing:SuccessUrl</c> / <c>CancelUrl</c> / <c>PortalReturnUrl</c> (where buyers already go), and
/// <c>Billing:AllowedReturnOrigins</c>. Anything else would let whoever holds an Admin token or API key turn our Stripe
/// pages into a hop to their own site. A path (<c>/billing</c>) is taken as one under <c>FrontendUrl</c>.
/// </summary>
public sealed class ReturnUrlPolicy(IOptionsMonitor<BillingOptions> billing, IOptionsMonitor<IntegrationOptions> integrations)
{
    /// <summary>
    /// The absolute URL to hand Stripe for <paramref name="url"/>, or null when it is not one we send people to. It is
    /// the parsed form, so Stripe gets exactly the URL whose origin was checked.
    /// </summary>
    public string? Resolve(string url)
    {
        var frontend = integrations.CurrentValue.FrontendUrl;
        var absolute = IsPath(url) ? frontend.TrimEnd('/') + url : url;
        return Uri.TryCreate(absolute, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.UserInfo.Length == 0
            && AllowedOrigins(frontend).Contains(Origin(uri))
            ? uri.AbsoluteUri
            : null;
    }

    /// <summary>The request's URL resolved (its validator refused any that does not resolve), else the configured one.</summary>
    public string RequestedOr(string? requested, string configured) => requested is null ? configured : Resolve(requested) ?? configured;

    /// <summary>The frontend's origin, for messages.</summary>
    public string FrontendOrigin => Uri.TryCreate(integrations.CurrentValue.FrontendUrl, UriKind.Absolute, out var uri) ? Origin(uri) : "";

    /// <summary><c>scheme://host:port</c>, lower case with the port explicit, so that equal origins compare equal.</summary>
    public static string Origin(Uri uri) => $"{uri.Scheme}://{uri.IdnHost}:{uri.Port}".ToLowerInvariant();

    // "/x" but not "//host" or "/\host", which browsers read as another host.
    private static bool IsPath(string url) => url.StartsWith('/') && (url.Length == 1 || url[1] is not ('/' or '\\'));

    private HashSet<string> AllowedOrigins(string frontend)
    {
        var options = billing.CurrentValue;
        var origins = new HashSet<string>(StringComparer.Ordinal);
        foreach (var url in options.AllowedReturnOrigins.Append(frontend).Append(options.SuccessUrl).Append(options.CancelUrl).Append(options.PortalReturnUrl))
        {
            if (Uri.TryCreate(url, UriKind.Absolute, out var uri))
            {
                origins.Add(Origin(uri));
            }
        }

        return origins;
    }
}
