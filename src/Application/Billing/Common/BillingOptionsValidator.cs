using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace NovaPulse.Application.Billing.Common;

/// <summary>
/// Checks <c>Billing:Plans</c> and the return URLs at start, naming the key at fault: a plan sold without a Stripe
/// price is charged from its amount, currency and interval, so a typo there would only surface as Stripe refusing a
/// customer's Checkout.
/// </summary>
public sealed partial class BillingOptionsValidator : IValidateOptions<BillingOptions>
{
    private static readonly string[] Intervals = ["month", "year"];

    public ValidateOptionsResult Validate(string? name, BillingOptions options)
    {
        var failures = new List<string>();
        if (options.Plans.Select(p => p.Id).Distinct(StringComparer.Ordinal).Count() != options.Plans.Count)
        {
            failures.Add("Billing:Plans need distinct ids.");
        }

        for (var i = 0; i < options.Plans.Count; i++)
        {
            var plan = options.Plans[i];
            var key = $"Billing:Plans:{i}";
            if (plan.Id.Length is 0 or > 50)
            {
                failures.Add($"{key}:Id must be 1 to 50 characters.");
            }

            if (plan.MonthlyPrice < 0)
            {
                failures.Add($"{key}:MonthlyPrice must not be negative (smallest currency unit, e.g. 2900 for 29.00).");
            }

            if (!CurrencyCode().IsMatch(plan.Currency))
            {
                failures.Add($"{key}:Currency must be a three-letter ISO 4217 code in lower case, e.g. usd (got '{plan.Currency}').");
            }

            if (!Intervals.Contains(plan.Interval, StringComparer.Ordinal))
            {
                failures.Add($"{key}:Interval must be month or year (got '{plan.Interval}').");
            }
        }

        foreach (var (key, url) in new[] { ("SuccessUrl", options.SuccessUrl), ("CancelUrl", options.CancelUrl), ("PortalReturnUrl", options.PortalReturnUrl) })
        {
            if (HttpUrl(url) is null)
            {
                failures.Add($"Billing:{key} must be an absolute http(s) URL (environment variable Billing__{key}).");
            }
        }

        for (var i = 0; i < options.AllowedReturnOrigins.Count; i++)
        {
            if (HttpUrl(options.AllowedReturnOrigins[i]) is not { PathAndQuery: "/", Fragment: "", UserInfo: "" })
            {
                failures.Add($"Billing:AllowedReturnOrigins:{i} must be an origin such as https://shop.example.com, without a path (got '{options.AllowedReturnOrigins[i]}').");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static Uri? HttpUrl(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;

    [GeneratedRegex("^[a-z]{3}$")]
    private static partial Regex CurrencyCode();
}
