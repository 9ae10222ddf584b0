using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using NovaPulse.WebApi.IntegrationTests.Infrastructure;

namespace NovaPulse.WebApi.IntegrationTests;

[Collection(ApiCollection.Name)]
public sealed class TaskTests(NovaPulseFactory factory)
{
    [Fact]
    public async Task Creating_a_task_returns_201_with_location_etag_and_defaults()
    {
        var tenant = await factory.RegisterAsync();

        var response = await tenant.Owner.PostAsJsonAsync("/api/v1/tasks", new { title = "  Write the spec  " });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var task = await response.ReadJsonAsync();
        Assert.Equal($"/api/v1/tasks/{task["id"]}", response.Headers.Location?.AbsolutePath);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.Equal("Write the spec", task["title"]!.GetValue<string>());
        Assert.Equal("todo", task["status"]!.GetValue<string>());
        Assert.Equal("medium", task["priority"]!.GetValue<string>());
        Assert.Equal(tenant.OwnerId.ToString(), task["createdBy"]!.GetValue<string>());
        Assert.EndsWith("+00:00", task["createdAt"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_task_round_trips_every_field()
    {
        var tenant = await factory.RegisterAsync();
        var (_, memberId) = await tenant.AddMemberAsync("member");

        var created = await tenant.Owner.CreateTaskAsync(new
        {
            title = "Ship",
            description = "All of it",
            status = "in_progress",
            priority = "urgent",
            assigneeId = memberId,
            dueDate = "2030-01-02T03:04:05+02:00",
            tags = new[] { "release", " Release ", "q1" },
        });
        var fetched = await (await tenant.Owner.GetAsync($"/api/v1/tasks/{created["id"]}")).ReadJsonAsync();

        Assert.Equal("in_progress", fetched["status"]!.GetValue<string>());
        Assert.Equal("urgent", fetched["priority"]!.GetValue<string>());
        Assert.Equal(memberId.ToString(), fetched["assigneeId"]!.GetValue<string>());
        Assert.Equal(DateTimeOffset.Parse("2030-01-02T01:04:05Z", System.Globalization.CultureInfo.InvariantCulture), fetched["dueDate"]!.GetValue<DateTimeOffset>());
        Assert.Equal(["release", "q1"], fetched["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
    }

    [Fact]
    public async Task Patching_changes_only_the_fields_sent_and_null_clears()
    {
        var tenant = await factory.RegisterAsync();
        var created = await tenant.Owner.CreateTaskAsync(new { title = "Keep", description = "Old", priority = "high", dueDate = "2030-01-01T00:00:00Z" });

        var response = await tenant.Owner.PatchAsJsonAsync($"/api/v1/tasks/{created["id"]}", new { description = (string?)null, status = "done" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var task = await response.ReadJsonAsync();
        Assert.Equal("Keep", task["title"]!.GetValue<string>());
        Assert.Null(task["description"]);
        Assert.Equal("high", task["priority"]!.GetValue<string>());
        Assert.Equal("done", task["status"]!.GetValue<string>());
        Assert.NotNull(task["completedAt"]);
        Assert.NotNull(task["dueDate"]);
        Assert.Equal(2, task["version"]!.GetValue<int>());
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task A_stale_If_Match_is_412_and_loses_nothing()
    {
        var tenant = await factory.RegisterAsync();
        var created = await tenant.Owner.CreateTaskAsync(new { title = "v1" });
        var url = $"/api/v1/tasks/{created["id"]}";
        await Send(tenant.Owner, HttpMethod.Patch, url, new { title = "v2" }, "\"1\"");

        var stale = await Send(tenant.Owner, HttpMethod.Patch, url, new { title = "lost update" }, "\"1\"");
        var staleDelete = await Send(tenant.Owner, HttpMethod.Delete, url, null, "\"1\"");
        var current = await (await tenant.Owner.GetAsync(url)).ReadJsonAsync();

        await stale.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        await staleDelete.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal("v2", current["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_matching_If_Match_updates_and_deletes()
    {
        var tenant = await factory.RegisterAsync();
        var created = await tenant.Owner.CreateTaskAsync(new { title = "v1" });
        var url = $"/api/v1/tasks/{created["id"]}";

        var update = await Send(tenant.Owner, HttpMethod.Patch, url, new { title = "v2" }, "\"1\"");
        var delete = await Send(tenant.Owner, HttpMethod.Delete, url, null, "\"2\"");
        var gone = await tenant.Owner.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        await gone.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_malformed_If_Match_is_400()
    {
        var tenant = await factory.RegisterAsync();
        var created = await tenant.Owner.CreateTaskAsync(new { title = "x" });

        var response = await Send(tenant.Owner, HttpMethod.Patch, $"/api/v1/tasks/{created["id"]}", new { title = "y" }, "W/\"abc\"");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Listing_filters_by_every_parameter()
    {
        var tenant = await factory.RegisterAsync();
        var (_, memberId) = await tenant.AddMemberAsync("member");
        var match = await tenant.Owner.CreateTaskAsync(new
        {
            title = "Quarterly Report",
            status = "in_progress",
            priority = "high",
            assigneeId = memberId,
            dueDate = "2030-06-15T00:00:00Z",
            tags = new[] { "finance" },
        });
        await tenant.Owner.CreateTaskAsync(new { title = "Other", status = "todo", priority = "low", dueDate = "2031-01-01T00:00:00Z", tags = new[] { "ops" } });
        await tenant.Owner.CreateTaskAsync(new { title = "No due date", description = "mentions report" });

        string[] queries =
        [
            "status=in_progress", "priority=high", $"assigneeId={memberId}", "tag=finance", "search=QUARTERLY",
            "dueBefore=2030-12-31T00:00:00Z", "dueAfter=2030-01-01T00:00:00Z&dueBefore=2030-12-31T00:00:00Z",
        ];
        foreach (var query in queries)
        {
            var response = await tenant.Owner.GetAsync($"/api/v1/tasks?{query}");
            Assert.True(response.IsSuccessStatusCode, $"{query}: {await response.Content.ReadAsStringAsync()}");
            var page = await response.ReadJsonAsync();
            var ids = page["items"]!.AsArray().Select(t => t!["id"]!.GetValue<string>()).ToList();
            Assert.True(ids.SequenceEqual([match["id"]!.GetValue<string>()]), $"{query} returned {ids.Count} tasks");
        }

        var search = await (await tenant.Owner.GetAsync("/api/v1/tasks?search=report")).ReadJsonAsync();
        Assert.Equal(2, search["items"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("-createdAt")]
    [InlineData("createdAt")]
    [InlineData("priority")]
    [InlineData("-priority")]
    [InlineData("-updatedAt")]
    public async Task Cursor_pagination_visits_every_task_once_in_a_stable_order(string sort)
    {
        var tenant = await factory.RegisterAsync();
        string[] priorities = ["low", "medium", "high", "urgent"];
        var created = new List<string>();
        for (var i = 0; i < 11; i++)
        {
            created.Add((await tenant.Owner.CreateTaskAsync(new { title = $"t{i}", priority = priorities[i % 4] }))["id"]!.GetValue<string>());
        }

        var seen = new List<JsonNode>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var url = $"/api/v1/tasks?limit=4&sort={sort}" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
            var page = await (await tenant.Owner.GetAsync(url)).ReadJsonAsync();
            seen.AddRange(page["items"]!.AsArray()!.Select(n => n!));
            cursor = page["nextCursor"]?.GetValue<string>();
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(created.Order(), seen.Select(t => t["id"]!.GetValue<string>()).Order());
        var all = await (await tenant.Owner.GetAsync($"/api/v1/tasks?limit=100&sort={sort}")).ReadJsonAsync();
        Assert.Equal(
            all["items"]!.AsArray().Select(t => t!["id"]!.GetValue<string>()),
            seen.Select(t => t["id"]!.GetValue<string>()));
        if (sort == "-createdAt")
        {
            Assert.Equal(Enumerable.Reverse(created), seen.Select(t => t["id"]!.GetValue<string>()));
        }
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=101")]
    [InlineData("cursor=forged")]
    [InlineData("sort=title")]
    [InlineData("status=paused")]
    [InlineData("assigneeId=not-a-guid")]
    [InlineData("dueBefore=yesterday")]
    public async Task Invalid_list_parameters_are_400(string query)
    {
        var tenant = await factory.RegisterAsync();

        var response = await tenant.Owner.GetAsync($"/api/v1/tasks?{query}");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_cursor_from_another_sort_order_is_400()
    {
        var tenant = await factory.RegisterAsync();
        for (var i = 0; i < 3; i++)
        {
            await tenant.Owner.CreateTaskAsync(new { title = $"t{i}" });
        }

        var byDate = await (await tenant.Owner.GetAsync("/api/v1/tasks?limit=1")).ReadJsonAsync();
        var response = await tenant.Owner.GetAsync($"/api/v1/tasks?limit=1&sort=priority&cursor={Uri.EscapeDataString(byDate["nextCursor"]!.GetValue<string>())}");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["cursor"]);
    }

    [Theory]
    [InlineData("{}", "title")]
    [InlineData("{\"title\":\"   \"}", "title")]
    [InlineData("{\"title\":\"x\",\"description\":\"LONG\"}", "description")]
    [InlineData("{\"title\":\"TITLE\"}", "title")]
    [InlineData("{\"title\":\"x\",\"status\":\"paused\"}", "$.status")]
    [InlineData("{\"title\":\"x\",\"priority\":3}", "$.priority")]
    [InlineData("{\"title\":\"x\",\"tags\":\"TAGS\"}", "tags")]
    [InlineData("{\"title\":\"x\",\"tags\":[\"LONGTAG\"]}", "tags")]
    [InlineData("{\"title\":\"x\",\"assigneeId\":\"00000000-0000-0000-0000-000000000000\"}", "assigneeId")]
    [InlineData("{\"title\":\"x\",\"dueDate\":\"soon\"}", "$.dueDate")]
    [InlineData("{\"title\": 42}", "$.title")]
    public async Task Invalid_task_bodies_are_400_naming_the_field(string json, string field)
    {
        var tenant = await factory.RegisterAsync();
        json = json
            .Replace("LONGTAG", new string('t', 41), StringComparison.Ordinal)
            .Replace("LONG", new string('d', 10_001), StringComparison.Ordinal)
            .Replace("TITLE", new string('t', 201), StringComparison.Ordinal)
            .Replace("\"TAGS\"", "[" + string.Join(',', Enumerable.Range(0, 21).Select(i => $"\"t{i}\"")) + "]", StringComparison.Ordinal);

        var response = await tenant.Owner.PostAsync("/api/v1/tasks", new StringContent(json, Encoding.UTF8, "application/json"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();
        Assert.True(errors.Any(e => e.Key.Equals(field, StringComparison.OrdinalIgnoreCase)), $"errors: {errors.ToJsonString()}");
        Assert.Equal(0, await factory.WithDbAsync(db => Task.FromResult(db.Tasks.IgnoreTenant().Count(t => t.CompanyId == tenant.CompanyId))));
    }

    [Fact]
    public async Task Assigning_someone_from_another_company_is_rejected()
    {
        var a = await factory.RegisterAsync();
        var b = await factory.RegisterAsync();

        var response = await a.Owner.PostAsJsonAsync("/api/v1/tasks", new { title = "x", assigneeId = b.OwnerId });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["assigneeId"]);
    }

    [Fact]
    public async Task Patching_title_to_null_is_400_and_changes_nothing()
    {
        var tenant = await factory.RegisterAsync();
        var created = await tenant.Owner.CreateTaskAsync(new { title = "Stay" });

        var response = await tenant.Owner.PatchAsJsonAsync($"/api/v1/tasks/{created["id"]}", new { title = (string?)null, priority = "low" });
        var current = await (await tenant.Owner.GetAsync($"/api/v1/tasks/{created["id"]}")).ReadJsonAsync();

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Stay", current["title"]!.GetValue<string>());
        Assert.Equal("medium", current["priority"]!.GetValue<string>());
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string url, object? body, string ifMatch)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request);
    }
}
