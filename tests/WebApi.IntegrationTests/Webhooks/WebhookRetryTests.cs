using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NovaPulse.Application.Webhooks.Delivery;
using NovaPulse.Domain.Webhooks;
using NovaPulse.WebApi.IntegrationTests.Infrastructure;

namespace NovaPulse.WebApi.IntegrationTests;

/// <summary>
/// Failed deliveries: the retry schedule (driven by the fake clock), Retry-After, 410, redirects, auto-disable. Each test
/// has a host of its own because it moves the clock (JWTs are validated against real time).
/// </summary>
[Collection(WebhookCollection.Name)]
public sealed class WebhookRetryTests
{
    [Fact]
    public Task A_failing_delivery_is_retried_on_the_schedule_with_jitter_then_fails() => WebhookHost.RunAsync(async factory =>
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = (_, _) => (500, null, "boom");
        var tenant = await factory.RegisterAsync();
        var (admin, _, _) = await tenant.AddApiKeyAsync("admin");
        var endpoint = await admin.CreateWebhookAsync(receiver.Url, "task.created");
        await admin.CreateTaskAsync(new { title = "unlucky" });

        for (var attempt = 1; attempt <= WebhookRetrySchedule.MaxAttempts; attempt++)
        {
            var delivery = await factory.WaitForDeliveryAsync(endpoint.Id(), d => d.AttemptCount == attempt);
            var attempts = await factory.AttemptsAsync(delivery.Id);
            Assert.Equal(attempt, attempts.Count);
            if (attempt == WebhookRetrySchedule.MaxAttempts)
            {
                Assert.Equal(WebhookDeliveryStatus.Failed, delivery.Status);
                Assert.Null(delivery.NextAttemptAt);
                break;
            }

            var last = attempts.MaxBy(a => a.Number)!;
            var delay = delivery.NextAttemptAt!.Value - last.AttemptedAt;
            var expected = WebhookRetrySchedule.Delays[attempt];
            Assert.InRange(delay, expected * 0.9 - TimeSpan.FromSeconds(1), expected * 1.1 + TimeSpan.FromSeconds(1));
            Assert.Equal(500, last.ResponseStatus);
            Assert.Equal("boom", last.ResponseBody);

            // Not due yet: nothing happens. Then the clock reaches the scheduled time and the next attempt goes out.
            if (delivery.NextAttemptAt.Value - TimeSpan.FromMilliseconds(200) > factory.Clock.GetUtcNow())
            {
                factory.Clock.SetUtcNow(delivery.NextAttemptAt.Value - TimeSpan.FromMilliseconds(200));
            }

            await Task.Delay(150);
            Assert.Equal(attempt, receiver.Requests.Count);
            factory.Clock.SetUtcNow(delivery.NextAttemptAt.Value + TimeSpan.FromMilliseconds(10));
        }

        Assert.Equal(WebhookRetrySchedule.MaxAttempts, receiver.Requests.Count);
        Assert.Single(receiver.Requests.Select(r => r.WebhookId).Distinct());
        Assert.True((await factory.EndpointAsync(endpoint.Id())).Enabled); // ~3 days of failure: under the 5-day limit
        var logs = await (await admin.GetAsync($"/api/v1/webhooks/{endpoint.Id()}/logs?status=failed")).ReadJsonAsync();
        Assert.Equal(WebhookRetrySchedule.MaxAttempts, logs["items"]![0]!["attempts"]!.AsArray().Count);
    });

    [Fact]
    public Task Gone_disables_the_endpoint_at_once_with_an_audit_entry() => WebhookHost.RunAsync(async factory =>
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = (_, _) => (410, null, "unsubscribed");
        var tenant = await factory.RegisterAsync();
        var endpoint = await tenant.Owner.CreateWebhookAsync(receiver.Url, "task.created");

        await tenant.Owner.CreateTaskAsync(new { title = "one" });
        var delivery = await factory.WaitForDeliveryAsync(endpoint.Id(), d => d.Status == WebhookDeliveryStatus.Failed);
        await tenant.Owner.CreateTaskAsync(new { title = "two" });
        await Task.Delay(300);

        var fetched = await (await tenant.Owner.GetAsync($"/api/v1/webhooks/{endpoint.Id()}")).ReadJsonAsync();
        Assert.False(fetched["enabled"]!.GetValue<bool>());
        Assert.Equal("gone", fetched["disabledReason"]!.GetValue<string>());
        Assert.Equal(1, delivery.AttemptCount);
        Assert.True(receiver.Requests.Count == 1, string.Join("\n", receiver.Requests.Select(r => r.WebhookId + " " + r.Body[..80])));
        Assert.Single(await factory.DeliveriesAsync(endpoint.Id()));
        var audit = await (await tenant.Owner.GetAsync($"/api/v1/audit-logs?action=webhook.endpoint_disabled&entityId={endpoint.Id()}")).ReadJsonAsync();
        Assert.Single(audit["items"]!.AsArray());
    });

    [Fact]
    public Task The_auto_disable_audit_entry_is_the_platforms_with_the_switch_off_and_the_streak_start() => WebhookHost.RunAsync(async factory =>
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = (_, _) => (410, null, "unsubscribed");
        var tenant = await factory.RegisterAsync();
        var endpoint = await tenant.Owner.CreateWebhookAsync(receiver.Url, "task.created");

        await tenant.Owner.CreateTaskAsync(new { title = "one" });
        await factory.WaitForDeliveryAsync(endpoint.Id(), d => d.Status == WebhookDeliveryStatus.Failed);

        var failingSince = (await factory.EndpointAsync(endpoint.Id())).FailingSince!.Value;
        var audit = await (await tenant.Owner.GetAsync($"/api/v1/audit-logs?entityId={endpoint.Id()}")).ReadJsonAsync();
        var items = audit["items"]!.AsArray();
        // The endpoint's creation, then the switch-off: no plain "updated" entry beside the named one.
        Assert.Equal(["created", "webhook.endpoint_disabled"], items.Select(i => i!["action"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        var entry = items.Single(i => i!["action"]!.GetValue<string>() == "webhook.endpoint_disabled")!;
        Assert.Equal("system", entry["actorType"]!.GetValue<string>());
        Assert.Null(entry["actorId"]);
        Assert.Null(entry["requestId"]);
        Assert.Equal("webhook_endpoint", entry["entityType"]!.GetValue<string>());
        var expected = JsonSerializer.Serialize(new
        {
            enabled = new { old = true, @new = false },
            disabledReason = new { old = (string?)null, @new = WebhookEndpoint.DisabledGone },
            failingSince = new { old = failingSince, @new = failingSince },
        });
        var changes = entry["changes"]!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), changes), changes.ToJsonString());
        Assert.Equal(["enabled", "disabledReason", "failingSince"], changes.AsObject().Select(p => p.Key));
    });

    [Fact]
    public Task Two_hosts_disabling_one_endpoint_at_once_write_one_audit_entry() => WebhookHost.RunAsync(async factory =>
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Delay = TimeSpan.FromMilliseconds(300); // both sends in flight together, so both disables race
        receiver.Respond = (_, _) => (410, null, "unsubscribed");
        var tenant = await factory.RegisterAsync();
        var endpoint = await tenant.Owner.CreateWebhookAsync(receiver.Url, "task.created");
        var now = factory.Clock.GetUtcNow();
        var ids = await factory.WithDbAsync(async db =>
        {
            var deliveries = Enumerable.Range(0, 2).Select(i =>
            {
                var delivery = WebhookDelivery.Create(tenant.CompanyId, endpoint.Id(), $"msg_race{i}", "task.created", "{}", now);
                delivery.Lease(now + TimeSpan.FromHours(1)); // held by "the two hosts" below, not by this host's worker
                return delivery;
            }).ToList();
            db.WebhookDeliveries.AddRange(deliveries);
            await db.SaveChangesAsync();
            return deliveries.Select(d => d.Id).ToList();
        });

        // Two scopes are two contexts, each with its own processor: what two hosts' workers run.
        var outcomes = await Task.WhenAll(ids.Select(async id =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<WebhookDeliveryProcessor>().AttemptAsync(id, CancellationToken.None);
        }));

        Assert.All(outcomes, o => Assert.Equal(WebhookDeliveryOutcome.EndpointDisabled, o.Outcome));
        Assert.Equal(2, receiver.Requests.Count);
        Assert.False((await factory.EndpointAsync(endpoint.Id())).Enabled);
        var audit = await (await tenant.Owner.GetAsync($"/api/v1/audit-logs?action=webhook.endpoint_disabled&entityId={endpoint.Id()}")).ReadJsonAsync();
        Assert.Single(audit["items"]!.AsArray());
    });

    [Fact]
    public Task An_endpoint_failing_for_five_days_is_disabled() => WebhookHost.RunAsync(async factory =>
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = (_, _) => (503, null, "down");
        var tenant = await factory.RegisterAsync();
        var (admin, _, _) = await tenant.AddApiKeyAsync("admin");
        var endpoint = await admin.CreateWebhookAsync(receiver.Url, "task.created");
        await admin.CreateTaskAsync(new { title = "doomed" });
        await factory.WaitForDeliveryAsync(endpoint.Id(), d => d.AttemptCount == 1);
        var failing = await factory.EndpointAsync(endpoint.Id());
        Assert.True(failing.Enabled);
        Assert.NotNull(failing.FailingSince);

        factory.Clock.Advance(TimeSpan.FromDays(5) + TimeSpan.FromMinutes(1));
        var delivery = await factory.WaitForDeliveryAsync(endpoint.Id(), d => d.Status == WebhookDeliveryStatus.Failed);

        var stored = await factory.EndpointAsync(endpoint.Id());
        Assert.False(stored.Enabled);
        Assert.Equal(WebhookEndpoint.DisabledFailing, stored.DisabledReason);
        var attempts = await factory.AttemptsAsync(delivery.Id);
        Assert.True(attempts.Count == 2, $"{delivery.AttemptCount} {delivery.LastError} " + string.Join("; ", attempts.Select(a => $"{a.Number} {a.AttemptedAt:O} {a.ResponseStatus} {a.Error}")));
        var audit = await (await admin.GetAsync($"/api/v1/audit-logs?action=webhook.endpoint_disabled&entityId={endpoint.Id()}")).ReadJsonAsync();
        Assert.Equal("system", audit["items"]!.AsArray().Single()!["actorType"]!.GetValue<string>());
    });

    [Fact]
    public Task Too_many_requests_with_Retry_After_is_honoured() => WebhookHost.RunAsync(async factory =>
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = (_, count) => count == 0 ? (429, new Dictionary<string, string> { ["Retry-After"] = "120" }, "slow down") : (200, null, "ok");
        var tenant = await factory.RegisterAsync();
        var endpoint = await tenant.Owner.CreateWebhookAsync(receiver.Url, "task.created");
        await tenant.Owner.CreateTaskAsync(new { title = "patience" });

        var delivery = await factory.WaitForDeliveryAsync(endpoint.Id(), d => d.AttemptCount == 1);
        var attempt = (await factory.AttemptsAsync(delivery.Id)).Single();
        Assert.InRange(delivery.NextAttemptAt!.Value - attempt.AttemptedAt, TimeSpan.FromSeconds(119), TimeSpan.FromSeconds(121));

        factory.Clock.Advance(TimeSpan.FromSeconds(60)); // past the schedule's own 5 s, before Retry-After
        await Task.Delay(300);
        Assert.Single(receiver.Requests);
        factory.Clock.Advance(TimeSpan.FromSeconds(61));
        await factory.WaitForDeliveryAsync(endpoint.Id(), d => d.Status == WebhookDeliveryStatus.Succeeded);
        Assert.Equal(2, receiver.Requests.Count);
    });

    [Fact]
    public Task Redirects_are_not_followed() => WebhookHost.RunAsync(async factory =>
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = (request, _) => request.Path == "/hook"
            ? (307, new Dictionary<string, string> { ["Location"] = receiver.BaseUrl + "/elsewhere" }, null)
            : (200, null, "followed");
        var tenant = await factory.RegisterAsync();
        var endpoint = await tenant.Owner.CreateWebhookAsync(receiver.Url, "task.created");

        var test = await (await tenant.Owner.PostAsync($"/api/v1/webhooks/{endpoint.Id()}/test", null)).ReadJsonAsync();
        await Task.Delay(200);

        Assert.False(test["succeeded"]!.GetValue<bool>());
        Assert.Equal(307, test["statusCode"]!.GetValue<int>());
        Assert.All(receiver.Requests, r => Assert.Equal("/hook", r.Path));
        var delivery = (await factory.DeliveriesAsync(endpoint.Id())).Single();
        Assert.Equal(WebhookDeliveryStatus.Pending, delivery.Status); // retried later like any failure
    });
}

/// <summary>A host that refuses private targets (as production does), with workers off: only the API is exercised.</summary>
public sealed class StrictWebhookFactory : NovaPulseFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Webhooks:AllowPrivateTargets"] = "false",
        ["Workers:Enabled"] = "false",
    };
}

[Collection(WebhookCollection.Name)]
public sealed class WebhookSsrfTests(StrictWebhookFactory factory) : IClassFixture<StrictWebhookFactory>
{
    [Theory]
    [InlineData("http://127.0.0.1:8080/hook")]
    [InlineData("http://localhost/hook")]
    [InlineData("http://10.1.2.3/hook")]
    [InlineData("http://192.168.0.10/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://[::1]/hook")]
    [InlineData("http://[64:ff9b::7f00:1]/hook")]       // NAT64 of 127.0.0.1
    [InlineData("http://[64:ff9b::a9fe:a9fe]/hook")]    // NAT64 of 169.254.169.254
    [InlineData("http://[::a00:1]/hook")]               // IPv4-compatible 10.0.0.1
    [InlineData("http://[2002:c0a8:1::1]/hook")]        // 6to4 of 192.168.0.1
    [InlineData("http://[2001:0:4136:e378::1]/hook")]   // Teredo
    [InlineData("http://[fd12:3456::1]/hook")]          // unique local
    [InlineData("http://metadata.google.internal/computeMetadata/v1")]
    public async Task Private_loopback_and_metadata_targets_are_refused_at_creation(string url)
    {
        var tenant = await factory.RegisterAsync();

        var response = await tenant.Owner.PostAsJsonAsync("/api/v1/webhooks", new { url, events = new[] { "*" } });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["url"]);
    }

    [Fact]
    public async Task A_target_that_resolves_privately_at_send_time_is_refused()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var tenant = await factory.RegisterAsync();
        // Stored as if it had passed the creation check (e.g. DNS re-pointed since): the send-time check still refuses.
        var secret = "whsec_" + Convert.ToBase64String(new byte[32]);
        var endpointId = await factory.WithDbAsync(async db =>
        {
            var protector = factory.Services.GetRequiredService<NovaPulse.Application.Common.Interfaces.ISecretProtector>();
            var endpoint = WebhookEndpoint.Create(tenant.CompanyId, receiver.Url, ["*"], null, true, protector.Protect(secret), factory.Clock.GetUtcNow());
            db.WebhookEndpoints.Add(endpoint);
            await db.SaveChangesAsync();
            return endpoint.Id;
        });

        var result = await (await tenant.Owner.PostAsync($"/api/v1/webhooks/{endpointId}/test", null)).ReadJsonAsync();

        Assert.False(result["succeeded"]!.GetValue<bool>());
        Assert.Contains("non-public", result["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(receiver.Requests);
    }
}
