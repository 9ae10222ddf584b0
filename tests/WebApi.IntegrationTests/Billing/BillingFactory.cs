using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NovaPulse.Application.Billing.Reconcile;
using NovaPulse.Application.Billing.Usage;
using NovaPulse.WebApi.IntegrationTests.Infrastructure;
using NovaPulse.WebApi.IntegrationTests.Reliability;
using Serilog.Core;

namespace NovaPulse.WebApi.IntegrationTests.Billing;

/// <summary>
/// The real host with Stripe.net pointed at <see cref="FakeStripe"/>; small Free limits so the boundaries are cheap to
/// reach. Workers are off: tests run the usage reporter and reconciler passes themselves.
/// </summary>
public sealed class BillingFactory : NovaPulseFactory, IAsyncLifetime
{
    public const int FreeSeats = 3;
    public const int FreeTasks = 5;
    public const int ProTasks = 8;
    public const int FreeWebhookEndpoints = 2;
    public const int ProWebhookEndpoints = 4;
    public const int FreeIntegrations = 1;
    public const int FreeStreams = 2;
    public const int ProStreams = 3;
    public const string Frontend = "https://app.example.test";

    public FakeStripe Stripe { get; } = new();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Stripe:SecretKey"] = FakeStripe.SecretKey,
        ["Stripe:WebhookSecret"] = FakeStripe.WebhookSecret,
        ["Stripe:ApiBase"] = Stripe.ApiBase,
        ["Stripe:TimeoutSeconds"] = "1",
        ["Stripe:MaxNetworkRetries"] = "1",
        ["Stripe:CircuitBreakerMinimumThroughput"] = "100000",
        ["Billing:Plans:0:Limits:Seats"] = FreeSeats.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Billing:Plans:0:Limits:Tasks"] = FreeTasks.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Billing:Plans:0:Limits:WebhookEndpoints"] = FreeWebhookEndpoints.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Billing:Plans:0:Limits:Integrations"] = FreeIntegrations.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Billing:Plans:0:Limits:EventStreamsPerPrincipal"] = FreeStreams.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Billing:Plans:1:Limits:WebhookEndpoints"] = ProWebhookEndpoints.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Billing:Plans:1:Limits:EventStreamsPerPrincipal"] = ProStreams.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Billing:Plans:1:StripePriceId"] = "price_pro",
        ["Billing:Plans:1:StripeMeteredPriceId"] = "price_pro_api_calls",
        ["Billing:Plans:1:Limits:Tasks"] = ProTasks.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Billing:Plans:2:StripePriceId"] = "price_business",
        // A plan with no Stripe price: Checkout sells it from its amount, currency and interval.
        ["Billing:Plans:3:Id"] = "team",
        ["Billing:Plans:3:Name"] = "Team",
        ["Billing:Plans:3:MonthlyPrice"] = "49000",
        ["Billing:Plans:3:Currency"] = "eur",
        ["Billing:Plans:3:Interval"] = "year",
        // Return URLs of requests must be on the frontend's origin or an allowed one (BillingReturnUrlTests).
        ["FrontendUrl"] = Frontend,
        ["Billing:AllowedReturnOrigins:0"] = "https://shop.example.test",
        ["Workers:Enabled"] = "false",
        // Logs are captured (and searched for the Stripe secrets), including the outgoing HTTP client's.
        ["Serilog:MinimumLevel:Default"] = "Debug",
        ["Serilog:MinimumLevel:Override:System.Net.Http.HttpClient"] = "Debug",
    };

    public CapturingSink Logs { get; } = new();

    Task IAsyncLifetime.InitializeAsync() => InitializeAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<ILogEventSink>(Logs));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        Stripe.Dispose();
        await DisposeAsync();
    }

    /// <summary>Starts a Checkout for Pro (which creates the company's Stripe customer) and returns the customer id.</summary>
    public async Task<string> CustomerOfAsync(Tenant tenant)
    {
        var checkout = await tenant.Owner.PostAsJsonAsync("/api/v1/billing/create-checkout-session", new { planId = "pro" });
        Assert.Equal(HttpStatusCode.OK, checkout.StatusCode);
        return await WithDbAsync(db => db.CompanySubscriptions.IgnoreTenant().Where(s => s.CompanyId == tenant.CompanyId).Select(s => s.StripeCustomerId!).SingleAsync());
    }

    /// <summary>Puts the company on <paramref name="priceId"/>'s plan the way production does: a signed subscription webhook.</summary>
    public async Task<(string CustomerId, JsonObject Subscription)> SubscribeAsync(Tenant tenant, string priceId = "price_pro")
    {
        var customerId = await CustomerOfAsync(tenant);
        var subscription = Stripe.AddSubscription(customerId, priceId);
        var response = await SendWebhookAsync("customer.subscription.created", subscription);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (customerId, subscription);
    }

    public Task<HttpResponseMessage> SendWebhookAsync(string type, JsonNode data, string? eventId = null)
    {
        var payload = StripeWebhook.Event(type, data, Clock.GetUtcNow(), eventId);
        return StripeWebhook.PostAsync(this.Anonymous(), payload, StripeWebhook.Sign(payload, FakeStripe.WebhookSecret, Clock.GetUtcNow()));
    }

    public Task<int> RunUsageReporterAsync() => RunAsync<UsageReporter>(r => r.RunOnceAsync(CancellationToken.None));

    public Task<int> RunReconcilerAsync() => RunAsync<BillingReconciler>(r => r.RunOnceAsync(CancellationToken.None));

    /// <summary>The company's outbox event types, oldest first.</summary>
    public Task<List<string>> EventsOfAsync(Guid companyId) => WithDbAsync(db =>
        db.OutboxMessages.IgnoreTenant().Where(m => m.CompanyId == companyId).OrderBy(m => m.OccurredAt).Select(m => m.Type).ToListAsync());

    private async Task<int> RunAsync<T>(Func<T, Task<int>> pass)
        where T : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await pass(scope.ServiceProvider.GetRequiredService<T>());
    }
}
