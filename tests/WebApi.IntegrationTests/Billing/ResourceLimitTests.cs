using System.Net;
using System.Net.Http.Json;
using NovaPulse.WebApi.IntegrationTests.Infrastructure;

namespace NovaPulse.WebApi.IntegrationTests.Billing;

/// <summary>
/// The per-company plan limits on shared machinery: webhook endpoints and integrations (402, like the task limit) and
/// open event streams per member or API key (429 with Retry-After), each following the company's plan as it changes.
/// </summary>
[Collection(BillingCollection.Name)]
public sealed class ResourceLimitTests(BillingFactory factory)
{
    private const string SlackUrl = "https://127.0.0.1:9/services/T000/B000/XXXX";

    [Fact]
    public async Task The_webhook_endpoint_limit_answers_402_naming_it_and_follows_a_plan_change()
    {
        var tenant = await factory.RegisterAsync();
        for (var i = 0; i < BillingFactory.FreeWebhookEndpoints; i++)
        {
            await tenant.Owner.CreateWebhookAsync($"http://127.0.0.1:9/hook/{i}");
        }

        var problem = await (await CreateEndpointAsync(tenant)).AssertProblemAsync(HttpStatusCode.PaymentRequired);
        Assert.Equal("webhook_endpoint_limit_reached", problem["code"]!.GetValue<string>());
        Assert.Equal(BillingFactory.FreeWebhookEndpoints, problem["limit"]!.GetValue<long>());
        Assert.Equal(BillingFactory.FreeWebhookEndpoints, problem["usage"]!.GetValue<long>());
        Assert.Equal("pro", problem["plan"]!.GetValue<string>());

        var (_, subscription) = await factory.SubscribeAsync(tenant);
        for (var i = BillingFactory.FreeWebhookEndpoints; i < BillingFactory.ProWebhookEndpoints; i++)
        {
            await tenant.Owner.CreateWebhookAsync($"http://127.0.0.1:9/hook/{i}");
        }

        var beyondPro = await (await CreateEndpointAsync(tenant)).AssertProblemAsync(HttpStatusCode.PaymentRequired);
        Assert.Equal(BillingFactory.ProWebhookEndpoints, beyondPro["limit"]!.GetValue<long>());

        subscription["status"] = "canceled";
        await factory.SendWebhookAsync("customer.subscription.deleted", subscription);
        var downgraded = await (await CreateEndpointAsync(tenant)).AssertProblemAsync(HttpStatusCode.PaymentRequired);
        Assert.Equal(BillingFactory.FreeWebhookEndpoints, downgraded["limit"]!.GetValue<long>());
        Assert.Equal(BillingFactory.ProWebhookEndpoints, downgraded["usage"]!.GetValue<long>());
        var listed = await (await tenant.Owner.GetAsync("/api/v1/webhooks")).ReadJsonAsync();
        Assert.Equal(BillingFactory.ProWebhookEndpoints, listed["items"]!.AsArray().Count);
    }

    [Fact]
    public async Task Concurrent_endpoint_creates_one_below_the_limit_add_exactly_one()
    {
        var tenant = await factory.RegisterAsync();
        for (var i = 0; i < BillingFactory.FreeWebhookEndpoints - 1; i++)
        {
            await tenant.Owner.CreateWebhookAsync($"http://127.0.0.1:9/hook/{i}");
        }

        var race = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => CreateEndpointAsync(tenant)));

        Assert.Single(race, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(race.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.PaymentRequired, r.StatusCode));
    }

    [Fact]
    public async Task The_integration_limit_answers_402_for_a_new_kind_but_not_a_reconfiguration_and_follows_a_plan_change()
    {
        var tenant = await factory.RegisterAsync();
        Assert.Equal(HttpStatusCode.OK, (await ConfigureEmailAsync(tenant, "smtp.example.test")).StatusCode);

        var slack = await (await ConfigureSlackAsync(tenant)).AssertProblemAsync(HttpStatusCode.PaymentRequired);
        Assert.Equal("integration_limit_reached", slack["code"]!.GetValue<string>());
        Assert.Equal(BillingFactory.FreeIntegrations, slack["limit"]!.GetValue<long>());
        Assert.Equal(BillingFactory.FreeIntegrations, slack["usage"]!.GetValue<long>());
        Assert.Equal("pro", slack["plan"]!.GetValue<string>());
        var google = await (await tenant.Owner.GetAsync("/api/v1/integrations/oauth/google/start")).AssertProblemAsync(HttpStatusCode.PaymentRequired);
        Assert.Equal("integration_limit_reached", google["code"]!.GetValue<string>());
        // Changing what is already connected takes no new slot.
        Assert.Equal(HttpStatusCode.OK, (await ConfigureEmailAsync(tenant, "smtp2.example.test")).StatusCode);
        var listed = await (await tenant.Owner.GetAsync("/api/v1/integrations")).ReadJsonAsync();
        Assert.Single(listed.AsArray());

        await factory.SubscribeAsync(tenant);

        Assert.Equal(HttpStatusCode.OK, (await ConfigureSlackAsync(tenant)).StatusCode);
    }

    [Fact]
    public async Task Open_streams_beyond_the_limit_answer_429_with_retry_after_per_principal_and_closing_one_frees_its_slot()
    {
        var tenant = await factory.RegisterAsync();
        var streams = new List<SseReader>();
        for (var i = 0; i < BillingFactory.FreeStreams; i++)
        {
            streams.Add(await OpenStreamAsync(tenant.Owner));
        }

        await using (var refused = await SseReader.OpenAsync(tenant.Owner))
        {
            var problem = await refused.Response.AssertProblemAsync(HttpStatusCode.TooManyRequests);
            Assert.Equal("event_stream_limit_reached", problem["code"]!.GetValue<string>());
            Assert.Equal(BillingFactory.FreeStreams, problem["limit"]!.GetValue<long>());
            Assert.True(refused.Response.Headers.RetryAfter?.Delta is { TotalSeconds: >= 1 }, "Retry-After in seconds");
        }

        // The limit is per principal: the company's API key has slots of its own.
        var (key, _, _) = await tenant.AddApiKeyAsync();
        await using (var byKey = await OpenStreamAsync(key))
        {
            await streams[0].DisposeAsync();
            await using var reopened = await OpenWhenFreedAsync(tenant.Owner);
            Assert.Equal(HttpStatusCode.OK, reopened.Response.StatusCode);
        }

        await streams[1].DisposeAsync();
    }

    [Fact]
    public async Task The_stream_limit_follows_a_plan_change()
    {
        var tenant = await factory.RegisterAsync();
        var streams = new List<SseReader>();
        for (var i = 0; i < BillingFactory.FreeStreams; i++)
        {
            streams.Add(await OpenStreamAsync(tenant.Owner));
        }

        await using (var refused = await SseReader.OpenAsync(tenant.Owner))
        {
            await refused.Response.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        }

        await factory.SubscribeAsync(tenant);
        for (var i = BillingFactory.FreeStreams; i < BillingFactory.ProStreams; i++)
        {
            streams.Add(await OpenStreamAsync(tenant.Owner));
        }

        await using (var beyondPro = await SseReader.OpenAsync(tenant.Owner))
        {
            var problem = await beyondPro.Response.AssertProblemAsync(HttpStatusCode.TooManyRequests);
            Assert.Equal(BillingFactory.ProStreams, problem["limit"]!.GetValue<long>());
        }

        foreach (var stream in streams)
        {
            await stream.DisposeAsync();
        }
    }

    [Fact]
    public async Task Streams_whose_host_stopped_renewing_their_leases_free_their_slots_when_the_leases_lapse()
    {
        var tenant = await factory.RegisterAsync();
        // Open streams whose leases will not be renewed in time: a renewal is due every 20 s of real time, and the lease
        // (1 minute on the host's clock) is made to lapse at once, as if their host had died.
        var stale = new List<SseReader>();
        for (var i = 0; i < BillingFactory.FreeStreams; i++)
        {
            stale.Add(await OpenStreamAsync(tenant.Owner));
        }

        await using (var refused = await SseReader.OpenAsync(tenant.Owner))
        {
            await refused.Response.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        }

        factory.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));

        await using var fresh = await SseReader.OpenAsync(tenant.Owner);
        Assert.Equal(HttpStatusCode.OK, fresh.Response.StatusCode);
        foreach (var stream in stale)
        {
            await stream.DisposeAsync();
        }
    }

    private static async Task<SseReader> OpenStreamAsync(HttpClient client)
    {
        var stream = await SseReader.OpenAsync(client);
        Assert.Equal(HttpStatusCode.OK, stream.Response.StatusCode);
        await stream.NextAsync(); // ": connected"
        return stream;
    }

    /// <summary>A closed stream's slot is given back when the server sees the disconnect, which takes a poll round.</summary>
    private static async Task<SseReader> OpenWhenFreedAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            var stream = await SseReader.OpenAsync(client);
            if (stream.Response.StatusCode != HttpStatusCode.TooManyRequests || DateTime.UtcNow > deadline)
            {
                return stream;
            }

            await stream.DisposeAsync();
            await Task.Delay(100);
        }
    }

    private static async Task<HttpResponseMessage> CreateEndpointAsync(Tenant tenant) =>
        await tenant.Owner.PostAsJsonAsync("/api/v1/webhooks", new { url = "http://127.0.0.1:9/hook/more", events = new[] { "*" } });

    private static Task<HttpResponseMessage> ConfigureEmailAsync(Tenant tenant, string host) =>
        tenant.Owner.PutAsJsonAsync("/api/v1/integrations/email", new { host, port = 25, fromAddress = "alerts@novapulse.test", security = "none" });

    private static Task<HttpResponseMessage> ConfigureSlackAsync(Tenant tenant) =>
        tenant.Owner.PutAsJsonAsync("/api/v1/integrations/slack", new { webhookUrl = SlackUrl, channel = "#alerts" });
}
