using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using NovaPulse.Infrastructure.Security;
using NovaPulse.WebApi.IntegrationTests.Infrastructure;

namespace NovaPulse.WebApi.IntegrationTests.Integrations;

/// <summary>
/// Key rotation end to end: values sealed under the old key keep working with it listed as a previous key; <c>secrets:rotate</c>
/// re-seals them, after which the old key can go.
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
        await first.DisposeAsync();

        var second = new KeyedHost(first, NewKey, OldKey);
        await second.InitializeAsync();
        second.KeepDatabaseOnDispose = true;
        var resealed = await SecretRotation.RunAsync(second.Services);
        var again = await SecretRotation.RunAsync(second.Services);
        var integrationSecret = await second.WithDbAsync(db => db.Integrations.IgnoreQueryFilters().Where(i => i.CompanyId == tenant.CompanyId).Select(i => i.Secret).SingleAsync());
        var webhookSecret = await second.WithDbAsync(db => db.WebhookEndpoints.IgnoreQueryFilters().Where(w => w.CompanyId == tenant.CompanyId).Select(w => w.Secret).SingleAsync());
        await second.DisposeAsync();

        await using var third = new KeyedHost(first, NewKey);
        await third.InitializeAsync();
        var result = await third.WithBearer(token).PostJsonAsync("/api/v1/integrations/slack/test");

        Assert.True(resealed >= 2, $"resealed {resealed}");
        Assert.Equal(0, again);
        Assert.StartsWith(KeyId(NewKey) + ":", integrationSecret, StringComparison.Ordinal);
        Assert.StartsWith(KeyId(NewKey) + ":", webhookSecret, StringComparison.Ordinal);
        Assert.True(result["succeeded"]!.GetValue<bool>(), result.ToJsonString());
        Assert.Single(_slack.MessagesTo(url));
    }

    public void Dispose() => _slack.Dispose();

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
