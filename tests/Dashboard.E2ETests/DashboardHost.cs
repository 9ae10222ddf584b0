using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using NovaPulse.WebApi.IntegrationTests.Infrastructure;

namespace NovaPulse.Dashboard.E2ETests;

/// <summary>The real host (same settings as the integration tests) listening on a random loopback port, for a real browser.</summary>
public sealed class DashboardHost : NovaPulseFactory
{
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Slack's incoming webhooks (WireMock.Net), for the integrations journey.</summary>
    public FakeSlack Slack { get; } = new();

    /// <summary>Stripe's API (WireMock.Net), for the checkout journey.</summary>
    public FakeStripe Stripe { get; } = new();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        // The fake Slack speaks plain http on loopback.
        ["Integrations:AllowHttpSlackUrls"] = "true",
        ["Stripe:SecretKey"] = FakeStripe.SecretKey,
        ["Stripe:WebhookSecret"] = FakeStripe.WebhookSecret,
        ["Stripe:ApiBase"] = Stripe.ApiBase,
        ["Billing:Plans:1:StripePriceId"] = "price_pro",
    };

    public async Task StartAsync()
    {
        await InitializeAsync();
        UseKestrel(0);
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(new Uri(address.Replace("localhost", "127.0.0.1", StringComparison.Ordinal)
            .Replace("[::]", "127.0.0.1", StringComparison.Ordinal)), "/");
    }

    public new async Task DisposeAsync()
    {
        Slack.Dispose();
        Stripe.Dispose();
        await base.DisposeAsync();
    }
}
