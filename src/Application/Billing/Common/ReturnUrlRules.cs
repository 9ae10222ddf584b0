using FluentValidation;

namespace NovaPulse.Application.Billing.Common;

public static class ReturnUrlRules
{
    /// <summary>An absolute http(s) URL Stripe may send the customer back to (optional).</summary>
    public static IRuleBuilderOptions<T, string?> ReturnUrl<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(2000)
            .Must(url => url is null || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            .WithMessage("Must be an absolute http(s) URL.");
}
