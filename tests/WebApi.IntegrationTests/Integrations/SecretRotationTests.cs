using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using NovaPulse.Infrastructure.Security;
using NovaPulse.WebApi.IntegrationTests.Infrastructure;

namespace NovaPulse.WebApi.IntegrationTests.Integrations;

/// <summary>
/// Key rotation end to end: values sealed under the old key keep working with it listed as a previous key; <c>secrets:rotate</c>
/// re-seals them (the Data Protection key ring too), after which the old key can go.
/// </summary>
public sealed class SecretRotationTests : IDisposable
{
    private static readonly string OldKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string NewKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private readonly FakeSlack _slack = new();

    [Fact]
    public async Task Rotation_reseals_integration_and_webhook_secrets_so_the_old_key_can_be_dropped()
    {
        var first = new KeyedHost(OldKey);
        await first.InitializeAsync();
        first.KeepDatabaseOnDispose = true;
        var tenant = await first.RegisterAsync();
        var url = _slack.NewWebhookUrl();
        await tenant.Owner.ConfigureSlackAsync(url);
        Assert.Equal(HttpStatusCode.Created, (await tenant.Owner.PostAsync("/api/v1/webhooks", Json("""{"url":"https://hooks.example.test/in","events":["*"]}"""))).StatusCode);
        var token = tenant.Owner.DefaultRequestHeaders.Authorization!.Parameter!;
        // The sign-in form's antiforgery token creates the Data Protection key ring, sealed with the old key.
        Assert.Equal(HttpStatusCode.OK, (await first.CreateClient().GetAsync("/account/login")).StatusCode);
        await first.DisposeAsync();

        // The command as an operator runs it: the built host with the new key current and the old one as previous.
        var output = await RotateCommandAsync(first, NewKey, OldKey);
        var second = new KeyedHost(first, NewKey, OldKey);
        await second.InitializeAsync();
        second.KeepDatabaseOnDispose = true;
        var again = await SecretRotation.RunAsync(second.Services);
        var integrationSecret = await second.WithDbAsync(db => db.Integrations.IgnoreQueryFilters().Where(i => i.CompanyId == tenant.CompanyId).Select(i => i.Secret).SingleAsync());
        var webhookSecret = await second.WithDbAsync(db => db.WebhookEndpoints.IgnoreQueryFilters().Where(w => w.CompanyId == tenant.CompanyId).Select(w => w.Secret).SingleAsync());
        var keyRing = await second.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync());
        await second.DisposeAsync();

        await using var third = new KeyedHost(first, NewKey);
        await third.InitializeAsync();
        var result = await third.WithBearer(token).PostJsonAsync("/api/v1/integrations/slack/test");

        Assert.Matches("^secrets:rotate: [3-9] stored secrets re-sealed with the current key\\.$", output.Trim());
        Assert.Equal(0, again);
        Assert.StartsWith(KeyId(NewKey) + ":", integrationSecret, StringComparison.Ordinal);
        Assert.StartsWith(KeyId(NewKey) + ":", webhookSecret, StringComparison.Ordinal);
        Assert.All(keyRing, xml => Assert.Contains(">" + KeyId(NewKey) + ":", xml, StringComparison.Ordinal));
        Assert.NotEmpty(keyRing);
        Assert.True(result["succeeded"]!.GetValue<bool>(), result.ToJsonString());
        Assert.Single(_slack.MessagesTo(url));
    }

    public void Dispose() => _slack.Dispose();

    private static async Task<string> RotateCommandAsync(NovaPulseFactory host, string key, string previous)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "NovaPulse.WebApi.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add(SecretRotation.Command);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["DataDirectory"] = host.DataDirectory;
        start.Environment["Database__Provider"] = TestDatabase.ProviderName;
        start.Environment["ConnectionStrings__Default"] = host.ConnectionString;
        start.Environment["Jwt__SigningKey"] = "integration-tests-signing-key-0123456789abcdef";
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        start.Environment["Secrets__EncryptionKey"] = key;
        start.Environment["Secrets__PreviousKeys__0"] = previous;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, await stderr);
        return (await stdout).Split('\n').Single(l => l.StartsWith(SecretRotation.Command, StringComparison.Ordinal));
    }

    private static string KeyId(string key) => Convert.ToHexStringLower(SHA256.HashData(Convert.FromBase64String(key)))[..8];

    private static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    /// <summary>A host with the given current and previous encryption keys, optionally on another host's database.</summary>
    private sealed class KeyedHost : NovaPulseFactory
    {
        private readonly Dictionary<string, string?> _settings;

        public KeyedHost(string key) => _settings = For(key, null);

        public KeyedHost(KeyedHost sameDatabaseAs, string key, string? previous = null)
            : base(sameDatabaseAs) => _settings = For(key, previous);

        protected override IDictionary<string, string?> Settings => _settings;

        private static Dictionary<string, string?> For(string key, string? previous)
        {
            var settings = new Dictionary<string, string?> { ["Secrets:EncryptionKey"] = key, ["Integrations:AllowHttpSlackUrls"] = "true" };
            if (previous is not null)
            {
                settings["Secrets:PreviousKeys:0"] = previous;
            }

            return settings;
        }
    }
}
