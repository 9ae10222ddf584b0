using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NovaPulse.WebApi.IntegrationTests.Infrastructure;

namespace NovaPulse.WebApi.IntegrationTests.Events;

/// <summary><c>GET /api/v1/events/stream</c>: live, filtered, resumable, tenant-isolated server-sent events.</summary>
[Collection(ApiCollection.Name)]
public sealed class EventStreamTests(NovaPulseFactory factory)
{
    [Fact]
    public async Task A_member_receives_the_companys_events_live_and_never_another_companys()
    {
        var a = await factory.RegisterAsync();
        var b = await factory.RegisterAsync();
        var (aMember, _) = await a.AddMemberAsync("member");
        await using var aStream = await SseReader.OpenAsync(aMember);
        await using var bStream = await SseReader.OpenAsync(b.Owner);
        Assert.Equal(HttpStatusCode.OK, aStream.Response.StatusCode);
        Assert.Equal("text/event-stream", aStream.Response.Content.Headers.ContentType?.MediaType);

        var bFirst = await b.Owner.CreateTaskAsync(new { title = "b first" });
        var aTask = await a.Owner.CreateTaskAsync(new { title = "a task" });
        var bLast = await b.Owner.CreateTaskAsync(new { title = "b last" });

        var aEvent = await aStream.NextEventAsync();
        Assert.Equal("task.created", aEvent.Event);
        var body = JsonNode.Parse(aEvent.Data!)!;
        Assert.Equal(aEvent.Id, body["id"]!.GetValue<string>());
        Assert.StartsWith("msg_", aEvent.Id, StringComparison.Ordinal);
        Assert.Equal("task.created", body["type"]!.GetValue<string>());
        Assert.Equal(aTask["id"]!.GetValue<string>(), body["data"]!["id"]!.GetValue<string>());

        var bEvents = new[] { await bStream.NextEventAsync(), await bStream.NextEventAsync() };
        Assert.Equal(
            [bFirst["id"]!.GetValue<string>(), bLast["id"]!.GetValue<string>()],
            bEvents.Select(e => JsonNode.Parse(e.Data!)!["data"]!["id"]!.GetValue<string>()));
        Assert.All(bEvents, e => Assert.DoesNotContain(a.CompanyId.ToString(), e.Data!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_events_filter_sends_only_the_named_types()
    {
        var tenant = await factory.RegisterAsync();
        await using var stream = await SseReader.OpenAsync(tenant.Owner, "?events=task.updated");
        var task = await tenant.Owner.CreateTaskAsync(new { title = "filtered" });
        var update = await tenant.Owner.PatchAsJsonAsync($"/api/v1/tasks/{task["id"]}", new { title = "renamed" });
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);

        var received = await stream.NextEventAsync();
        Assert.Equal("task.updated", received.Event);
    }

    [Fact]
    public async Task Reconnecting_with_Last_Event_ID_resumes_after_that_event()
    {
        var tenant = await factory.RegisterAsync();
        string firstId;
        await using (var stream = await SseReader.OpenAsync(tenant.Owner, "?events=task.created"))
        {
            await tenant.Owner.CreateTaskAsync(new { title = "one" });
            firstId = (await stream.NextEventAsync()).Id!;
        }

        await tenant.Owner.CreateTaskAsync(new { title = "two" });
        await tenant.Owner.CreateTaskAsync(new { title = "three" });

        await using var resumed = await SseReader.OpenAsync(tenant.Owner, "?events=task.created", firstId);
        var titles = new[] { await resumed.NextEventAsync(), await resumed.NextEventAsync() }
            .Select(e => JsonNode.Parse(e.Data!)!["data"]!["title"]!.GetValue<string>());
        Assert.Equal(["two", "three"], titles);
    }

    [Fact]
    public async Task Another_companys_Last_Event_ID_replays_nothing_of_it()
    {
        var a = await factory.RegisterAsync();
        var b = await factory.RegisterAsync();
        string aEventId;
        await using (var aStream = await SseReader.OpenAsync(a.Owner, "?events=task.created"))
        {
            await a.Owner.CreateTaskAsync(new { title = "a before" });
            aEventId = (await aStream.NextEventAsync()).Id!;
        }

        await a.Owner.CreateTaskAsync(new { title = "a after" });
        await using var bStream = await SseReader.OpenAsync(b.Owner, "?events=task.created", aEventId);
        var bTask = await b.Owner.CreateTaskAsync(new { title = "b own" });

        var first = await bStream.NextEventAsync();
        Assert.Equal(bTask["id"]!.GetValue<string>(), JsonNode.Parse(first.Data!)!["data"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_silent_stream_sends_heartbeats()
    {
        var tenant = await factory.RegisterAsync();
        await using var stream = await SseReader.OpenAsync(tenant.Owner, "?events=member.removed");
        Assert.Equal("connected", (await stream.NextAsync()).Comment);
        Assert.Equal("heartbeat", (await stream.NextAsync()).Comment);
    }

    [Fact]
    public async Task Bad_requests_are_problems_before_the_stream_starts()
    {
        var tenant = await factory.RegisterAsync();
        await using (var unknownType = await SseReader.OpenAsync(tenant.Owner, "?events=task.exploded"))
        {
            var problem = await unknownType.Response.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.Contains("task.exploded", problem["errors"]!["events"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        }

        await using (var badId = await SseReader.OpenAsync(tenant.Owner, "", "not-an-event-id"))
        {
            await badId.Response.AssertProblemAsync(HttpStatusCode.BadRequest);
        }

        await using var anonymous = await SseReader.OpenAsync(factory.Anonymous());
        await anonymous.Response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_event_raised_on_one_host_reaches_a_stream_open_on_another()
    {
        await WebhookHost.RunAsync(async first =>
        {
            var second = new WebhookHost(first);
            await second.InitializeAsync();
            try
            {
                var tenant = await first.RegisterAsync();
                await using var stream = await SseReader.OpenAsync(second.WithBearer(await AccessTokenAsync(first, tenant)), "?events=task.created");

                var task = await tenant.Owner.CreateTaskAsync(new { title = "cross-host" });

                var received = await stream.NextEventAsync();
                Assert.Equal(task["id"]!.GetValue<string>(), JsonNode.Parse(received.Data!)!["data"]!["id"]!.GetValue<string>());
            }
            finally
            {
                await second.DisposeAsync();
            }
        });
    }

    private static async Task<string> AccessTokenAsync(NovaPulseFactory host, Tenant tenant)
    {
        var login = await host.Anonymous().PostAsJsonAsync("/api/v1/auth/login", new { email = tenant.OwnerEmail, password = Tenant.Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        return (await login.ReadJsonAsync())["accessToken"]!.GetValue<string>();
    }
}
