using System.ComponentModel.DataAnnotations;

namespace NovaPulse.Infrastructure.Billing;

/// <summary>
/// Section <c>Stripe</c> (also <c>STRIPE_SECRET_KEY</c> / <c>STRIPE_WEBHOOK_SECRET</c>). Optional: without a secret key
/// the Free plan works and paid operations answer 409 <c>billing_not_configured</c>.
/// </summary>
public sealed class StripeOptions
{
    public const string SectionName = "Stripe";

    public string? SecretKey { get; set; }

    /// <summary>The signing secret (<c>whsec_...</c>) of the webhook endpoint pointed at <c>/api/v1/billing/webhook</c>.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Stripe's API base URL; tests point it at a local fake.</summary>
    public string? ApiBase { get; set; }

    /// <summary>Largest accepted age of a webhook signature's timestamp.</summary>
    [Range(1, 3600)]
    public int WebhookToleranceSeconds { get; set; } = 300;

    /// <summary>Per-attempt timeout of a Stripe request.</summary>
    [Range(1, 120)]
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// Retries Stripe.net makes on network errors, 409 and 5xx; each retry carries the same <c>Idempotency-Key</c>,
    /// so Stripe applies a request once however often it is sent.
    /// </summary>
    [Range(0, 5)]
    public int MaxNetworkRetries { get; set; } = 2;

    /// <summary>Requests within 30 s before the circuit breaker may open (at a 50% failure ratio).</summary>
    [Range(2, 100_000)]
    public int CircuitBreakerMinimumThroughput { get; set; } = 20;

    /// <summary>How long an open circuit answers at once (503) before letting a request through to probe Stripe.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan CircuitBreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(SecretKey);

    public bool CanVerifyWebhooks => !string.IsNullOrWhiteSpace(WebhookSecret);
}
