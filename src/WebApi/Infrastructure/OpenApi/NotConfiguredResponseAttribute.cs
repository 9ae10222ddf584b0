namespace NovaPulse.WebApi.Infrastructure.OpenApi;

/// <summary>
/// The action needs an optional provider and answers 409 with ProblemDetails <c>code</c> = <see cref="Code"/> while the
/// deployment has not configured it; documented by <see cref="NotConfiguredResponseProcessor"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class NotConfiguredResponseAttribute(string code, string provider) : Attribute
{
    /// <summary>The ProblemDetails <c>code</c>, e.g. <c>billing_not_configured</c>.</summary>
    public string Code { get; } = code;

    /// <summary>Who is not configured, for the description: "Stripe", "Google".</summary>
    public string Provider { get; } = provider;
}
