using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using NovaPulse.WebApi.IntegrationTests.Infrastructure;

namespace NovaPulse.WebApi.IntegrationTests.Http;

/// <summary>
/// X-Forwarded-* are believed only from the configured proxies. Real Kestrel hosts: the test's connection comes from
/// 127.0.0.1, which one host names as its proxy and the other does not.
/// </summary>
public sealed class ForwardedHeadersTests
{
    private const string Client = "203.0.113.7";

    [Fact]
    public async Task Behind_a_known_proxy_the_forwarded_client_scheme_and_host_are_used()
    {
        await using var host = new BehindProxy();
        await host.InitializeAsync();
        using var http = Start(host);

        var (audited, hsts) = await RegisterThroughProxyAsync(http);

        Assert.Equal(Client, audited);
        Assert.True(hsts, "HSTS is sent when the original scheme was https");
    }

    [Fact]
    public async Task Without_configured_proxies_forwarded_headers_are_ignored()
    {
        await using var host = new NovaPulseFactory();
        await host.InitializeAsync();
        using var http = Start(host);

        var (audited, hsts) = await RegisterThroughProxyAsync(http);

        Assert.Equal("127.0.0.1", audited);
        Assert.False(hsts);
    }

    private static HttpClient Start(NovaPulseFactory host)
    {
        host.UseKestrel(0);
        host.StartServer();
        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new HttpClient { BaseAddress = new Uri(address.Replace("localhost", "127.0.0.1", StringComparison.Ordinal)) };
    }

    /// <summary>Registers a company as a proxy would forward it; returns the client address audited and whether HSTS came back.</summary>
    private static async Task<(string? AuditedAddress, bool Hsts)> RegisterThroughProxyAsync(HttpClient http)
    {
        using var register = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/register")
        {
            Content = JsonContent.Create(new { companyName = "Proxied", name = "Ada", email = $"ada-{Guid.NewGuid():N}@example.test", password = Tenant.Password }),
        };
        register.Headers.Add("X-Forwarded-For", Client);
        register.Headers.Add("X-Forwarded-Proto", "https");
        register.Headers.Add("X-Forwarded-Host", "api.example.test");
        using var response = await http.SendAsync(register);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var token = (await response.ReadJsonAsync())["accessToken"]!.GetValue<string>();

        using var audit = new HttpRequestMessage(HttpMethod.Get, "/api/v1/audit-logs");
        audit.Headers.Authorization = new("Bearer", token);
        var entries = (await (await http.SendAsync(audit)).ReadJsonAsync())["items"]!.AsArray();
        var address = entries.Select(e => e!["ipAddress"]?.GetValue<string>()).First(a => a is not null);
        return (address, response.Headers.Contains("Strict-Transport-Security"));
    }

    private sealed class BehindProxy : NovaPulseFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
        };
    }
}
