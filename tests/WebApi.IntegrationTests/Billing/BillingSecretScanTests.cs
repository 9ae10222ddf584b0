using System.Net;
using System.Net.Http.Json;
using System.Text;
using NovaPulse.WebApi.IntegrationTests.Infrastructure;

namespace NovaPulse.WebApi.IntegrationTests.Billing;

[Collection(BillingCollection.Name)]
public sealed class BillingSecretScanTests(BillingFactory factory)
{
    [Fact]
    public async Task The_stripe_keys_are_neither_stored_nor_logged()
    {
        var tenant = await factory.RegisterAsync();
        await factory.SubscribeAsync(tenant);
        var other = await factory.RegisterAsync();
        factory.Stripe.FailNext(2, 500);
        var failed = await other.Owner.PostAsJsonAsync("/api/v1/billing/create-checkout-session", new { planId = "pro" });
        Assert.Equal(HttpStatusCode.BadGateway, failed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await StripeWebhook.PostAsync(factory.Anonymous(), "{}", "t=1,v1=00")).StatusCode);

        var files = TestDatabase.IsPostgres ? [] : Directory.GetFiles(factory.DataDirectory, "novapulse.db*").Select(ReadShared).ToList();
        var scanned = files.Append(factory.Logs.Text).ToList();

        // The scan looks at real content: the stored Stripe customer ids, and the host's log.
        Assert.True(TestDatabase.IsPostgres || files.Any(text => text.Contains("cus_", StringComparison.Ordinal)));
        Assert.Contains("Database ready", factory.Logs.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(scanned, text => text.Contains(FakeStripe.SecretKey, StringComparison.Ordinal));
        Assert.DoesNotContain(scanned, text => text.Contains(FakeStripe.WebhookSecret, StringComparison.Ordinal));
    }

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return Encoding.UTF8.GetString(memory.ToArray());
    }
}
