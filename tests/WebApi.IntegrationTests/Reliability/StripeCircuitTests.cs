using System.Net;
using System.Net.Http.Json;
using NovaPulse.WebApi.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace NovaPulse.WebApi.IntegrationTests.Reliability;

/// <summary>
/// Stripe keeps failing: after enough 502s the circuit opens and checkout answers 503 without calling Stripe; once
/// Stripe recovers and the break passes, it closes and checkout works, with one customer for the company. Real time:
/// the circuit's timers are what is under test.
/// </summary>
public sealed class StripeCircuitTests(ITestOutputHelper output)
{
    private static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task The_circuit_opens_on_repeated_failures_and_closes_once_stripe_recovers()
    {
        var host = new FailingStripeHost();
        await host.InitializeAsync();
        try
        {
            var tenant = await host.RegisterAsync();
            var stripe = host.Stripe;
            stripe.FailNext(4, 500);
            for (var i = 0; i < 4; i++)
            {
                var failed = await tenant.Owner.PostAsJsonAsync("/api/v1/billing/create-checkout-session", new { planId = "pro" });
                Assert.Equal("billing_provider_error", (await failed.AssertProblemAsync(HttpStatusCode.BadGateway))["code"]!.GetValue<string>());
            }

            var reached = stripe.Requests.Count;
            var shortCircuited = await tenant.Owner.PostAsJsonAsync("/api/v1/billing/create-checkout-session", new { planId = "pro" });
            Assert.Equal("billing_provider_unavailable", (await shortCircuited.AssertProblemAsync(HttpStatusCode.ServiceUnavailable))["code"]!.GetValue<string>());
            Assert.NotNull(shortCircuited.Headers.RetryAfter);
            Assert.Equal(reached, stripe.Requests.Count); // answered by the open circuit

            await Task.Delay(BreakDuration + TimeSpan.FromMilliseconds(500));
            var recovered = await tenant.Owner.PostAsJsonAsync("/api/v1/billing/create-checkout-session", new { planId = "pro" });

            Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
            Assert.StartsWith("http", (await recovered.ReadJsonAsync())["url"]!.GetValue<string>(), StringComparison.Ordinal);
            var customers = stripe.To("POST", "/v1/customers").Where(r => r.Form.GetValueOrDefault("metadata[company_id]") == tenant.CompanyId.ToString());
            Assert.Single(customers.Select(r => r.IdempotencyKey).Distinct());
            output.WriteLine($"stripe circuit: opened after {reached} requests, 1 short-circuited, closed after {BreakDuration.TotalSeconds} s");
        }
        finally
        {
            await host.DisposeAsync();
            host.Stripe.Dispose();
        }
    }

    private sealed class FailingStripeHost : NovaPulseFactory
    {
        public FakeStripe Stripe { get; } = new();

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Stripe:SecretKey"] = FakeStripe.SecretKey,
            ["Stripe:WebhookSecret"] = FakeStripe.WebhookSecret,
            ["Stripe:ApiBase"] = Stripe.ApiBase,
            ["Stripe:MaxNetworkRetries"] = "0",
            ["Stripe:CircuitBreakerMinimumThroughput"] = "4",
            ["Stripe:CircuitBreakerBreakDuration"] = BreakDuration.ToString(),
            ["Billing:Plans:1:StripePriceId"] = "price_pro",
            ["Workers:Enabled"] = "false",
        };

        protected override bool UsesSystemClock => true;
    }
}
