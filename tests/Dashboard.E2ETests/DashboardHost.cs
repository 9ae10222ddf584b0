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

    // The fake Slack speaks plain http on loopback.
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Integrations:AllowHttpSlackUrls"] = "true" };

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
        await base.DisposeAsync();
    }
}
