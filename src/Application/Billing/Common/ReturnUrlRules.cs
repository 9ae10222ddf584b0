using FluentValidation;

namespace NovaPulse.Application.Billing.Common;

public static class ReturnUrlRules
{
    /// <summary>An optional URL Stripe may send the customer back to: see <see cref="ReturnUrlPolicy"/>.</summary>
    public static IRuleBuilderOptions<T, string?> ReturnUrl<T>(this IRuleBuilder<T, string?> rule, ReturnUrlPolicy policy) =>
        rule.MaximumLength(2000)
            .Must(url => url is null || policy.Resolve(url) is not null)
            .WithMessage(_ => $"Must be an http(s) URL on the frontend's origin ({policy.FrontendOrigin}) or another allowed return origin, or a path such as /billing.");
}
