namespace NovaPulse.Application.Common.Exceptions;

/// <summary>
/// An optional provider this deployment has not configured (409 with <see cref="Code"/>). It is the deployment's state,
/// not an outage: the same request fails the same way until an operator adds the settings, so clients must not retry.
/// </summary>
public class ProviderNotConfiguredException(string code, string message) : Exception(message)
{
    public const string Billing = "billing_not_configured";
    public const string Google = "google_not_configured";

    /// <summary>The ProblemDetails <c>code</c>, naming the provider, e.g. <see cref="Billing"/>.</summary>
    public string Code { get; } = code;
}
