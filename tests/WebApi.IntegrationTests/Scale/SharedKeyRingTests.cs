using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NovaPulse.WebApi.IntegrationTests.Infrastructure;

namespace NovaPulse.WebApi.IntegrationTests.Scale;

/// <summary>
/// The Data Protection key ring lives in the database: a dashboard session and an antiforgery token that one host
/// issued are accepted by another, and by both after they restart; the stored keys are sealed with Secrets:EncryptionKey.
/// </summary>
public sealed partial class SharedKeyRingTests : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "novapulse-tests", Guid.NewGuid().ToString("N"));
    private string _connectionString = "";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dataDirectory);
        _connectionString = await TestDatabase.CreateAsync(_dataDirectory);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_dashboard_session_and_an_antiforgery_token_from_one_host_are_accepted_by_another_and_after_both_restart()
    {
        await using var first = await StartAsync("one");
        await using var second = await StartAsync("two");
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
        using var browser = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) };
        var email = $"owner-{Guid.NewGuid():N}@example.test";
        Assert.Equal(HttpStatusCode.Created, (await browser.PostAsJsonAsync(new Uri(first.BaseAddress, "/api/v1/auth/register"), new
        {
            companyName = "Key ring",
            name = "Owner",
            email,
            password = Tenant.Password,
        })).StatusCode);

        // The form (and its antiforgery cookie and token) from host one, the submission to host two.
        var form = await browser.GetStringAsync(new Uri(first.BaseAddress, "/account/login"));
        var signIn = await browser.PostAsync(new Uri(second.BaseAddress, "/account/login"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = AntiforgeryField().Match(form).Groups[1].Value,
            ["Input.Email"] = email,
            ["Input.Password"] = Tenant.Password,
        }));
        var onFirst = await browser.GetAsync(new Uri(first.BaseAddress, "/developer"));

        await first.KillAsync();
        await second.KillAsync();
        await using var firstAgain = await StartAsync("one");
        await using var secondAgain = await StartAsync("two");
        var afterRestart = await Task.WhenAll(
            browser.GetAsync(new Uri(firstAgain.BaseAddress, "/developer")),
            browser.GetAsync(new Uri(secondAgain.BaseAddress, "/developer")));

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.DoesNotContain("/account/login", signIn.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, onFirst.StatusCode);
        Assert.All(afterRestart, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
    }

    [Fact]
    public async Task Stored_keys_are_sealed_with_the_secrets_key_not_kept_in_plain_xml()
    {
        await using var host = new NovaPulseFactory();
        await host.InitializeAsync();
        Assert.Equal(HttpStatusCode.OK, (await host.Anonymous().GetAsync("/account/login")).StatusCode);

        var stored = await host.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync());

        var key = Assert.Single(stored);
        Assert.Contains("urn:novapulse:data-protection", key, StringComparison.Ordinal);
        Assert.DoesNotContain("masterKey", key, StringComparison.Ordinal);
    }

    /// <summary>
    /// A host process with a home folder of its own: without the shared ring each would fall back to keys under its
    /// own ~/.aspnet, as on two machines.
    /// </summary>
    private async Task<ProcessHost> StartAsync(string name)
    {
        var home = Path.Combine(_dataDirectory, "home-" + name);
        Directory.CreateDirectory(home);
        var host = new ProcessHost(_dataDirectory, _connectionString, new Dictionary<string, string> { ["HOME"] = home });
        await host.StartAsync();
        return host;
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
