using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace NovaPulse.Application.Billing.Common;

/// <summary>
/// Checks <c>Billing:Plans</c> at start, naming the key at fault: a plan sold without a Stripe price is charged from
/// its amount, currency and interval, so a typo there would only surface as Stripe refusing a customer's Checkout.
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

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[a-z]{3}$")]
    private static partial Regex CurrencyCode();
}
