using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using NovaPulse.WebApi.IntegrationTests.Infrastructure;
using NovaPulse.WebApi.IntegrationTests.Reliability;
using Serilog.Core;

namespace NovaPulse.WebApi.IntegrationTests.Http;

/// <summary>
/// Who may read <c>/metrics</c>. Real Kestrel hosts that believe X-Forwarded-For from 127.0.0.1 (the test's own
/// connection), so a request either comes from loopback or, with the header, from the client it names.
/// </summary>
public sealed class MetricsAccessTests
{
    private const string Token = "metrics-token-0123456789abcdef0123456789";
    private const string Remote = "203.0.113.7";
    private const string Elsewhere = "198.51.100.9";

    [Fact]
    public async Task Outside_development_only_loopback_clients_read_metrics_by_default()
    {
        await using var host = await MetricsHost.StartAsync(new());
        await host.Http.GetAsync("/health/live");

        var local = await host.Http.GetAsync("/metrics");
        var remote = await host.GetMetricsAsync(from: Remote);

        Assert.Equal(HttpStatusCode.OK, local.StatusCode);
        var metrics = await local.Content.ReadAsStringAsync();
        Assert.Contains("http_request_duration_seconds", metrics, StringComparison.Ordinal);
        // The outbox processor drains the backlog as it goes, so only its presence is stable here.
        Assert.Matches(@"novapulse_outbox_backlog \d", metrics);
        Assert.Contains("novapulse_webhook_delivery_backlog", metrics, StringComparison.Ordinal);
        var problem = await remote.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("Metrics:AllowedNetworks", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_development_every_client_reads_metrics_as_before()
    {
        await using var host = await MetricsHost.StartAsync(new(), "Development");

        Assert.Equal(HttpStatusCode.OK, (await host.GetMetricsAsync(from: Remote)).StatusCode);
    }

    [Fact]
    public async Task Allowed_networks_admit_the_clients_inside_them_only()
    {
        await using var host = await MetricsHost.StartAsync(new() { ["Metrics:AllowedNetworks:0"] = "203.0.113.0/24", ["Metrics:AllowedNetworks:1"] = "2001:db8::/32" });

        Assert.Equal(HttpStatusCode.OK, (await host.GetMetricsAsync(from: Remote)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.GetMetricsAsync(from: "2001:db8::5")).StatusCode);
        await (await host.GetMetricsAsync(from: Elsewhere)).AssertProblemAsync(HttpStatusCode.Forbidden);
        // Loopback is the default only while nothing is configured.
        await (await host.Http.GetAsync("/metrics")).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_configured_bearer_token_is_required_from_any_client_and_never_logged()
    {
        await using var host = await MetricsHost.StartAsync(new() { ["Metrics:BearerToken"] = Token });

        var none = await host.GetMetricsAsync();
        var wrong = await host.GetMetricsAsync(token: Token[..^1] + "X");
        var basic = await host.GetMetricsAsync(authorization: new AuthenticationHeaderValue("Basic", Token));
        var right = await host.GetMetricsAsync(token: Token);
        // A token is for scrapers elsewhere: it replaces the loopback default.
        var remote = await host.GetMetricsAsync(from: Remote, token: Token);

        await none.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", none.Headers.WwwAuthenticate.Single().Scheme);
        await wrong.AssertProblemAsync(HttpStatusCode.Unauthorized);
        await basic.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, remote.StatusCode);
        Assert.DoesNotContain(Token[..16], host.Logs.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_networks_and_a_token_a_client_outside_is_refused_even_with_the_token()
    {
        await using var host = await MetricsHost.StartAsync(new() { ["Metrics:BearerToken"] = Token, ["Metrics:AllowedNetworks:0"] = "203.0.113.0/24" });

        await (await host.GetMetricsAsync(from: Elsewhere, token: Token)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await host.GetMetricsAsync(from: Remote)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await host.GetMetricsAsync(from: Remote, token: Token)).StatusCode);
    }

    [Fact]
    public async Task With_a_metrics_port_the_public_listener_answers_404_and_the_metrics_listener_serves_them()
    {
        var port = LoopbackPort.Free();
        await using var host = await MetricsHost.StartAsync(new() { ["Metrics:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) }, metricsPort: port);
        using var metricsListener = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        await (await host.Http.GetAsync("/metrics")).AssertProblemAsync(HttpStatusCode.NotFound);
        // Routing matches on the Host header, which the client writes: the local port is what counts.
        using var spoofed = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { Host = $"127.0.0.1:{port}" } };
        await (await host.Http.SendAsync(spoofed)).AssertProblemAsync(HttpStatusCode.NotFound);
        var served = await metricsListener.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Contains("http_request_duration_seconds", await served.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private sealed class MetricsHost(Dictionary<string, string?> settings, string environment) : NovaPulseFactory
    {
        public HttpClient Http { get; private set; } = null!;

        public CapturingSink Logs { get; } = new();

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(settings)
        {
            ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
            ["Serilog:MinimumLevel:Default"] = "Debug",
            ["Serilog:MinimumLevel:Override:Microsoft.AspNetCore"] = "Debug",
        };

        public static async Task<MetricsHost> StartAsync(Dictionary<string, string?> settings, string environment = "Testing", int? metricsPort = null)
        {
            var host = new MetricsHost(settings, environment);
            await host.InitializeAsync();
            host.UseKestrel(kestrel =>
            {
                kestrel.Listen(IPAddress.Loopback, 0);
                if (metricsPort is { } port)
                {
                    kestrel.Listen(IPAddress.Loopback, port);
                }
            });
            host.StartServer();
            var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
                .First(a => metricsPort is null || !a.EndsWith($":{metricsPort}", StringComparison.Ordinal));
            host.Http = new HttpClient { BaseAddress = new Uri(address) };
            return host;
        }

        public async Task<HttpResponseMessage> GetMetricsAsync(string? from = null, string? token = null, AuthenticationHeaderValue? authorization = null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
            if (from is not null)
            {
                request.Headers.Add("X-Forwarded-For", from);
            }

            request.Headers.Authorization = token is null ? authorization : new AuthenticationHeaderValue("Bearer", token);
            return await Http.SendAsync(request);
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment(environment);
            builder.ConfigureServices(services => services.AddSingleton<ILogEventSink>(Logs));
        }
    }
}
