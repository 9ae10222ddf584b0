using System.ComponentModel.DataAnnotations;

namespace NovaPulse.Application.Billing.Common;

/// <summary>Section <c>Billing</c>: the plans on offer, the metered usage meters and where Stripe sends people back.</summary>
public sealed class BillingOptions
{
    public const string SectionName = "Billing";

    /// <summary>Plans in display order (cheapest first); the one with id <c>free</c> is every new company's plan.</summary>
    public List<PlanDefinition> Plans { get; set; } = [];

    /// <summary>Metric name accepted by <c>POST /billing/usage</c> -> Stripe Billing Meter <c>event_name</c>.</summary>
    public Dictionary<string, string> Meters { get; set; } = new(StringComparer.Ordinal) { ["api_calls"] = "novapulse_api_calls" };

    /// <summary>Where Checkout sends the buyer after paying, when the request names none.</summary>
    public string SuccessUrl { get; set; } = "http://localhost:3000/billing?checkout=success";

    /// <summary>Where Checkout sends the buyer who gives up, when the request names none.</summary>
    public string CancelUrl { get; set; } = "http://localhost:3000/billing?checkout=cancelled";

    /// <summary>Where the customer portal's "return" link goes.</summary>
    public string PortalReturnUrl { get; set; } = "http://localhost:3000/billing";

    /// <summary>
    /// Origins (<c>https://shop.example.com</c>) a request's success, cancel or portal return URL may point at besides
    /// <c>FrontendUrl</c>'s and those of the three URLs above.
    /// </summary>
    public List<string> AllowedReturnOrigins { get; set; } = [];

    /// <summary>How often the usage reporter sends pending usage to Stripe.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan UsageReportInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the reconciler re-reads subscriptions and recent invoices from Stripe.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "7.00:00:00")]
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Recent invoices re-read per company by the reconciler.</summary>
    [Range(1, 100)]
    public int ReconcileInvoiceCount { get; set; } = 10;
}

/// <summary>A plan: display data, the Stripe price(s) Checkout subscribes to, and its limits.</summary>
public sealed class PlanDefinition
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>
    /// The fee per <see cref="Interval"/> (monthly unless configured otherwise) in the currency's smallest unit. Displayed,
    /// and charged by Checkout when the plan has no <see cref="StripePriceId"/> (then Stripe's price is what is charged).
    /// </summary>
    public long MonthlyPrice { get; set; }

    /// <summary>ISO 4217 code in lower case, as Stripe writes it (<c>usd</c>, <c>eur</c>).</summary>
    public string Currency { get; set; } = "usd";

    /// <summary>How often the fee recurs: <c>month</c> or <c>year</c> (Stripe's <c>recurring[interval]</c>).</summary>
    public string Interval { get; set; } = "month";

    /// <summary>An existing Stripe price of the fee; without one a paid plan is sold from its amount, currency and interval.</summary>
    public string? StripePriceId { get; set; }

    /// <summary>An optional metered Stripe price (billed from Billing Meter events) added to the subscription.</summary>
    public string? StripeMeteredPriceId { get; set; }

    /// <summary>The plan costs money and is bought through Stripe Checkout.</summary>
    public bool IsPaid => MonthlyPrice > 0 || !string.IsNullOrWhiteSpace(StripePriceId);

    public PlanLimits Limits { get; set; } = new();

    public List<string> Features { get; set; } = [];
}

/// <summary>A plan's limits; null means unlimited (for upload sizes: the <c>Uploads</c> defaults).</summary>
public sealed class PlanLimits
{
    public long? Seats { get; set; }

    public long? Tasks { get; set; }

    public long? StorageBytes { get; set; }

    public long? ApiCallsPerMonth { get; set; }

    public long? MaxUploadBytes { get; set; }

    /// <summary>Webhook endpoints a company may have, enabled or not.</summary>
    public long? WebhookEndpoints { get; set; }

    /// <summary>Connected integrations (email, Slack, Google) a company may have.</summary>
    public long? Integrations { get; set; }

    /// <summary>Event streams (<c>GET /events/stream</c>) one member or API key may hold open at once, across hosts.</summary>
    public long? EventStreamsPerPrincipal { get; set; }
}
