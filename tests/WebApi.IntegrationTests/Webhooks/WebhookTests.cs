using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NovaPulse.Domain.Tasks;
using NovaPulse.Domain.Webhooks;
using NovaPulse.Infrastructure.Persistence;
using NovaPulse.WebApi.IntegrationTests.Infrastructure;

namespace NovaPulse.WebApi.IntegrationTests;

/// <summary>A host of its own for webhook tests, so their clock moves affect nobody else.</summary>
public sealed class WebhookFactory : NovaPulseFactory;

/// <summary>Webhook endpoints, signed deliveries, logs, replay, rotation, tenancy: real receivers on loopback.</summary>
[Collection(WebhookCollection.Name)]
public sealed class WebhookTests(WebhookFactory factory) : IClassFixture<WebhookFactory>
{
    [Fact]
    public async Task Creating_an_endpoint_shows_the_secret_once_then_masks_it()
    {
        var tenant = await factory.RegisterAsync();

        var created = await tenant.Owner.CreateWebhookAsync("https://hooks.example.test/novapulse", "task.created", "task.completed");
        var secret = created["secret"]!.GetValue<string>();
        var id = created.Id();
        var fetched = await (await tenant.Owner.GetAsync($"/api/v1/webhooks/{id}")).ReadJsonAsync();
        var list = await (await tenant.Owner.GetAsync("/api/v1/webhooks")).ReadJsonAsync();
        var patched = await (await tenant.Owner.PatchAsJsonAsync($"/api/v1/webhooks/{id}", new { events = new[] { "*" }, enabled = false })).ReadJsonAsync();
        var stored = await factory.EndpointAsync(id);

        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        Assert.True(Convert.FromBase64String(secret["whsec_".Length..]).Length >= 24);
        Assert.Equal(["task.created", "task.completed"], created["events"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.True(created["enabled"]!.GetValue<bool>());
        Assert.NotEqual(secret, fetched["secret"]!.GetValue<string>());
        Assert.EndsWith("********", fetched["secret"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(id.ToString(), list["items"]![0]!["id"]!.GetValue<string>());
        Assert.DoesNotContain(secret, list.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(["*"], patched["events"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.False(patched["enabled"]!.GetValue<bool>());
        Assert.DoesNotContain(secret["whsec_".Length..], stored.Secret, StringComparison.Ordinal); // encrypted at rest

        var delete = await tenant.Owner.DeleteAsync($"/api/v1/webhooks/{id}");
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        await (await tenant.Owner.GetAsync($"/api/v1/webhooks/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_event_catalogue_lists_every_platform_event_with_an_example()
    {
        var tenant = await factory.RegisterAsync();

        var types = (await (await tenant.Owner.GetAsync("/api/v1/webhooks/event-types")).ReadJsonAsync()).AsArray();

        Assert.Equal(
            ["invoice.paid", "invoice.payment_failed", "member.joined", "member.removed", "subscription.updated", "task.assigned", "task.completed",
             "task.created", "task.deleted", "task.updated", "upload.created", "upload.deleted", "webhook.test"],
            types.Select(t => t!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.All(types, t =>
        {
            Assert.False(string.IsNullOrWhiteSpace(t!["description"]!.GetValue<string>()));
            Assert.IsType<JsonObject>(t["example"]);
        });
    }

    [Theory]
    [InlineData("ftp://hooks.example.test/x", "url")]
    [InlineData("not a url", "url")]
    [InlineData("https://user:pass@hooks.example.test/x", "url")]
    [InlineData("", "url")]
    public async Task Bad_urls_are_validation_problems(string url, string field)
    {
        var tenant = await factory.RegisterAsync();

        var response = await tenant.Owner.PostAsJsonAsync("/api/v1/webhooks", new { url, events = new[] { "task.created" } });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]![field]);
    }

    [Fact]
    public async Task Unknown_or_missing_event_types_are_validation_problems()
    {
        var tenant = await factory.RegisterAsync();

        var unknown = await tenant.Owner.PostAsJsonAsync("/api/v1/webhooks", new { url = "https://hooks.example.test/x", events = new[] { "task.created", "task.exploded" } });
        var none = await tenant.Owner.PostAsJsonAsync("/api/v1/webhooks", new { url = "https://hooks.example.test/x", events = Array.Empty<string>() });

        var problem = await unknown.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("task.exploded", problem["errors"]!["events"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull((await none.AssertProblemAsync(HttpStatusCode.BadRequest))["errors"]!["events"]);
    }

    [Fact]
    public async Task Members_can_read_but_not_manage_webhooks()
    {
        var tenant = await factory.RegisterAsync();
        var (member, _) = await tenant.AddMemberAsync("member");

        var create = await member.PostAsJsonAsync("/api/v1/webhooks", new { url = "https://hooks.example.test/x", events = new[] { "*" } });
        var list = await member.GetAsync("/api/v1/webhooks");

        await create.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
    }

    [Fact]
    public async Task Deliveries_are_signed_per_standard_webhooks_and_logged()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var tenant = await factory.RegisterAsync();
        var endpoint = await tenant.Owner.CreateWebhookAsync(receiver.Url, "task.created");
        var secret = endpoint["secret"]!.GetValue<string>();

        var task = await tenant.Owner.CreateTaskAsync(new { title = "signed" });
        await tenant.Owner.PatchAsJsonAsync($"/api/v1/tasks/{task["id"]}", new { title = "not subscribed" });
        var request = (await receiver.WaitForCountAsync(1)).Single();

        Assert.True(StandardWebhooksVerifier.Verify(secret, request, factory.Clock.GetUtcNow()));
        Assert.False(StandardWebhooksVerifier.Verify(WebhookSecretOfAnotherEndpoint, request, factory.Clock.GetUtcNow()));
        Assert.StartsWith("msg_", request.WebhookId, StringComparison.Ordinal);
        Assert.Equal("application/json", request.Headers["content-type"]);
        Assert.Equal("NovaPulse-Webhooks/1", request.Headers["user-agent"]);
        var body = JsonNode.Parse(request.Body)!;
        Assert.Equal(request.WebhookId, body["id"]!.GetValue<string>());
        Assert.Equal("task.created", body["type"]!.GetValue<string>());
        Assert.True(DateTimeOffset.TryParse(body["timestamp"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, out _));
        Assert.Equal(task["id"]!.GetValue<string>(), body["data"]!["id"]!.GetValue<string>());

        var delivery = await factory.WaitForDeliveryAsync(endpoint.Id(), d => d.Status == WebhookDeliveryStatus.Succeeded);
        var logs = await (await tenant.Owner.GetAsync($"/api/v1/webhooks/{endpoint.Id()}/logs?status=succeeded")).ReadJsonAsync();
        var item = logs["items"]!.AsArray().Single()!;
        var attempt = item["attempts"]!.AsArray().Single()!;
        Assert.Equal(delivery.Id.ToString(), item["id"]!.GetValue<string>());
        Assert.Equal("succeeded", item["status"]!.GetValue<string>());
        Assert.Equal(200, attempt["responseStatus"]!.GetValue<int>());
        Assert.Equal("ok", attempt["responseBody"]!.GetValue<string>());
        Assert.Equal(request.WebhookId, attempt["requestHeaders"]!["webhook-id"]!.GetValue<string>());
        Assert.True(attempt["durationMs"]!.GetValue<int>() >= 0);
        Assert.Empty((await (await tenant.Owner.GetAsync($"/api/v1/webhooks/{endpoint.Id()}/logs?status=failed")).ReadJsonAsync())["items"]!.AsArray());
        Assert.Empty((await (await tenant.Owner.GetAsync($"/api/v1/webhooks/{endpoint.Id()}/logs?eventType=task.updated")).ReadJsonAsync())["items"]!.AsArray());
    }

    private const string WebhookSecretOfAnotherEndpoint = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    [Fact]
    public async Task Test_send_delivers_webhook_test_and_returns_the_outcome()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var tenant = await factory.RegisterAsync();
        var endpoint = await tenant.Owner.CreateWebhookAsync(receiver.Url, "task.created");

        var response = await tenant.Owner.PostAsync($"/api/v1/webhooks/{endpoint.Id()}/test", null);
        var result = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(result["succeeded"]!.GetValue<bool>());
        Assert.Equal(200, result["statusCode"]!.GetValue<int>());
        Assert.True(result["durationMs"]!.GetValue<int>() >= 0);
        var request = receiver.Requests.Single();
        Assert.Equal("webhook.test", JsonNode.Parse(request.Body)!["type"]!.GetValue<string>());
        Assert.True(StandardWebhooksVerifier.Verify(endpoint["secret"]!.GetValue<string>(), request, factory.Clock.GetUtcNow()));
    }

    [Fact]
    public Task Rotation_signs_with_both_secrets_for_24_hours_then_only_the_new_one() => WebhookHost.RunAsync(async factory =>
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var tenant = await factory.RegisterAsync();
        var (admin, _, _) = await tenant.AddApiKeyAsync("admin"); // API keys outlive the clock jump below
        var endpoint = await admin.CreateWebhookAsync(receiver.Url, "task.created");
        var oldSecret = endpoint["secret"]!.GetValue<string>();

        var rotated = await (await admin.PostAsync($"/api/v1/webhooks/{endpoint.Id()}/rotate-secret", null)).ReadJsonAsync();
        var newSecret = rotated["secret"]!.GetValue<string>();
        await admin.PostAsync($"/api/v1/webhooks/{endpoint.Id()}/test", null);
        var during = receiver.Requests[^1];
        factory.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        await admin.PostAsync($"/api/v1/webhooks/{endpoint.Id()}/test", null);
        var after = receiver.Requests[^1];

        Assert.NotEqual(oldSecret, newSecret);
        Assert.Equal(2, during.Headers["webhook-signature"].Split(' ').Length);
        Assert.True(StandardWebhooksVerifier.Verify(oldSecret, during, factory.Clock.GetUtcNow(), TimeSpan.FromDays(2)));
        Assert.True(StandardWebhooksVerifier.Verify(newSecret, during, factory.Clock.GetUtcNow(), TimeSpan.FromDays(2)));
        Assert.Single(after.Headers["webhook-signature"].Split(' '));
        Assert.True(StandardWebhooksVerifier.Verify(newSecret, after, factory.Clock.GetUtcNow()));
        Assert.False(StandardWebhooksVerifier.Verify(oldSecret, after, factory.Clock.GetUtcNow()));
    });

    [Fact]
    public async Task Replay_and_recover_send_again_with_the_same_webhook_id()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var tenant = await factory.RegisterAsync();
        var endpoint = await tenant.Owner.CreateWebhookAsync(receiver.Url, "task.created");
        var since = factory.Clock.GetUtcNow();
        await tenant.Owner.CreateTaskAsync(new { title = "first" });
        var first = await factory.WaitForDeliveryAsync(endpoint.Id(), d => d.Status == WebhookDeliveryStatus.Succeeded);

        var replay = await tenant.Owner.PostAsync($"/api/v1/webhooks/{endpoint.Id()}/deliveries/{first.Id}/replay", null);
        var resent = await receiver.WaitForCountAsync(2);

        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        Assert.Equal(resent[0].WebhookId, resent[1].WebhookId);

        // 410 fails the next delivery for good and disables the endpoint; after a fix, recover re-sends it.
        receiver.Respond = (_, _) => (410, null, "gone");
        await tenant.Owner.CreateTaskAsync(new { title = "second" });
        var failed = await factory.WaitForDeliveryAsync(endpoint.Id(), d => d.Status == WebhookDeliveryStatus.Failed);
        receiver.Respond = (_, _) => (200, null, "ok");
        await tenant.Owner.PatchAsJsonAsync($"/api/v1/webhooks/{endpoint.Id()}", new { enabled = true });
        var recover = await tenant.Owner.PostAsJsonAsync($"/api/v1/webhooks/{endpoint.Id()}/recover", new { since });
        var recovered = await recover.Content.ReadAsStringAsync();
        Assert.True(recover.StatusCode == HttpStatusCode.Accepted, recovered);
        Assert.Equal(1, JsonNode.Parse(recovered)!["queued"]!.GetValue<int>());
        var all = await receiver.WaitForCountAsync(4);

        Assert.Equal(failed.MessageId, all[3].WebhookId);
        Assert.Equal(all[2].WebhookId, all[3].WebhookId);
        Assert.Equal(2, all.Select(r => r.WebhookId).Distinct().Count());
    }

    [Fact]
    public async Task A_change_that_did_not_commit_produces_no_delivery()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var tenant = await factory.RegisterAsync();
        var endpoint = await tenant.Owner.CreateWebhookAsync(receiver.Url, "*");
        var task = await tenant.Owner.CreateTaskAsync(new { title = "v1" });
        var url = $"/api/v1/tasks/{task["id"]}";

        // Rejected by the API: stale If-Match (412) and an invalid change (400).
        var stale = new HttpRequestMessage(HttpMethod.Patch, url) { Content = JsonContent.Create(new { title = "stale" }) };
        stale.Headers.TryAddWithoutValidation("If-Match", "\"9\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await tenant.Owner.SendAsync(stale)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await tenant.Owner.PatchAsJsonAsync(url, new { title = new string('x', 500) })).StatusCode);

        // Rolled back inside the database: the outbox row was written in the transaction and vanished with it.
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Tasks.Add(TaskItem.Create(tenant.CompanyId, "rolled back", null, TaskItemStatus.Todo, TaskPriority.Medium, null, null, null, null, factory.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        await tenant.Owner.PatchAsJsonAsync(url, new { title = "committed" });
        var received = await receiver.WaitForAsync(r => r.Any(x => x.Body.Contains("\"task.updated\"", StringComparison.Ordinal)));
        await Task.Delay(300); // anything wrongly staged would have been sent by now

        var bodies = receiver.Requests.Select(r => JsonNode.Parse(r.Body)!).OrderBy(b => b["type"]!.GetValue<string>(), StringComparer.Ordinal).ToList();
        Assert.True(bodies.Count == 2, string.Join("\n", receiver.Requests.Select(r => r.WebhookId + " " + r.Body)));
        Assert.Equal(["task.created", "task.updated"], bodies.Select(b => b["type"]!.GetValue<string>()));
        Assert.Equal("committed", bodies[1]["data"]!["task"]!["title"]!.GetValue<string>());
        Assert.DoesNotContain(receiver.Requests, r => r.Body.Contains("stale", StringComparison.Ordinal) || r.Body.Contains("rolled back", StringComparison.Ordinal));
        Assert.Equal(2, (await factory.DeliveriesAsync(endpoint.Id())).Count);
        Assert.Equal(0, await factory.WithDbAsync(db => db.OutboxMessages.IgnoreTenant().CountAsync(m => m.Payload.Contains("rolled back"))));
    }

    [Fact]
    public async Task Another_company_cannot_see_test_replay_or_receive_an_endpoints_events()
    {
        await using var receiverA = await WebhookReceiver.StartAsync();
        await using var receiverB = await WebhookReceiver.StartAsync();
        var a = await factory.RegisterAsync();
        var b = await factory.RegisterAsync();
        var endpointA = await a.Owner.CreateWebhookAsync(receiverA.Url, "*");
        await b.Owner.CreateWebhookAsync(receiverB.Url, "*");
        await a.Owner.CreateTaskAsync(new { title = "task-of-A" });
        await b.Owner.CreateTaskAsync(new { title = "task-of-B" });
        var deliveryA = await factory.WaitForDeliveryAsync(endpointA.Id(), d => d.EventType == "task.created" && d.Status == WebhookDeliveryStatus.Succeeded);
        await receiverB.WaitForAsync(r => r.Any(x => x.Body.Contains("task-of-B", StringComparison.Ordinal)));
        var url = $"/api/v1/webhooks/{endpointA.Id()}";

        var responses = new[]
        {
            await b.Owner.GetAsync(url),
            await b.Owner.PatchAsJsonAsync(url, new { enabled = false }),
            await b.Owner.PostAsync(url + "/test", null),
            await b.Owner.GetAsync(url + "/logs"),
            await b.Owner.PostAsync(url + $"/deliveries/{deliveryA.Id}/replay", null),
            await b.Owner.PostAsJsonAsync(url + "/recover", new { since = DateTimeOffset.UtcNow.AddDays(-1) }),
            await b.Owner.PostAsync(url + "/rotate-secret", null),
            await b.Owner.DeleteAsync(url),
        };
        var list = await (await b.Owner.GetAsync("/api/v1/webhooks")).Content.ReadAsStringAsync();

        foreach (var response in responses)
        {
            await response.AssertProblemAsync(HttpStatusCode.NotFound);
        }

        Assert.DoesNotContain(endpointA.Id().ToString(), list, StringComparison.Ordinal);
        Assert.DoesNotContain(receiverB.Requests, r => r.Body.Contains("task-of-A", StringComparison.Ordinal));
        Assert.DoesNotContain(receiverA.Requests, r => r.Body.Contains("task-of-B", StringComparison.Ordinal));
        Assert.True((await factory.EndpointAsync(endpointA.Id())).Enabled);
        Assert.Single(receiverA.Requests, r => r.Body.Contains("task-of-A", StringComparison.Ordinal));
    }
}
