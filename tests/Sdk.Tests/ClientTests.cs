using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NovaPulse.Sdk.Generated;

namespace NovaPulse.Sdk.Tests;

[Collection(ApiCollection.Name)]
public sealed class ClientTests(ApiHost host)
{
    [Fact]
    public async Task Init_with_an_access_token_calls_the_api_as_that_user()
    {
        var owner = await host.RegisterAsync();
        using var client = host.Client(accessToken: owner.AccessToken);

        var me = await client.WhoAmIAsync();

        Assert.Equal(owner.User!.Id, me.User!.Id);
        Assert.Equal(Role.Owner, me.Role);
    }

    [Fact]
    public async Task Init_with_an_api_key_calls_the_api_as_that_key()
    {
        using var client = host.Client(apiKey: await host.ApiKeyAsync(Role.Member));

        var me = await client.WhoAmIAsync();

        Assert.Equal(Role.Member, me.Role);
        Assert.NotNull(me.ApiKeyId);
    }

    [Fact]
    public void Init_rejects_a_missing_base_url_or_two_credentials()
    {
        Assert.Throws<ArgumentException>(() => NovaPulseClient.Init(new NovaPulseOptions()));
        Assert.Throws<ArgumentException>(() => NovaPulseClient.Init(new NovaPulseOptions { BaseUrl = host.BaseUrl, ApiKey = "np_x", AccessToken = "jwt" }));
    }

    [Fact]
    public async Task Create_get_update_and_delete_a_task_with_snake_case_enums()
    {
        using var client = host.Client(apiKey: await host.ApiKeyAsync());
        var due = new DateTimeOffset(2026, 12, 1, 17, 0, 0, TimeSpan.Zero);

        var created = await client.CreateTaskAsync(new CreateTaskCommand
        {
            Title = "Write the launch post",
            Description = "Draft for marketing",
            Priority = TaskPriority.Urgent,
            Status = TaskItemStatus.InProgress,
            DueDate = due,
            Tags = ["marketing"],
        });
        Assert.Equal(TaskPriority.Urgent, created.Priority);
        Assert.Equal(TaskItemStatus.InProgress, created.Status);
        Assert.Equal(due, created.DueDate);

        // The wire format is the spec's snake_case, not the C# names.
        var raw = await client.HttpClient.GetFromJsonAsync<JsonObject>(new Uri(host.BaseUrl, $"api/v1/tasks/{created.Id}"));
        Assert.Equal("in_progress", raw!["status"]!.GetValue<string>());
        Assert.Equal("urgent", raw["priority"]!.GetValue<string>());

        var fetched = await client.GetTaskAsync(created.Id!.Value);
        Assert.Equal("Write the launch post", fetched.Title);

        var updated = await client.UpdateTaskAsync(created.Id.Value, new UpdateTaskRequest { Status = TaskItemStatus.Done }, ifMatch: fetched.Version);
        Assert.Equal(TaskItemStatus.Done, updated.Status);
        Assert.Equal("Draft for marketing", updated.Description); // fields not set are left alone
        Assert.Equal(due, updated.DueDate);

        var stale = await Assert.ThrowsAsync<NovaPulseApiException>(() =>
            client.UpdateTaskAsync(created.Id.Value, new UpdateTaskRequest { Title = "Lost update" }, ifMatch: fetched.Version));
        Assert.Equal(412, stale.Status);

        await client.DeleteTaskAsync(created.Id.Value);
        var gone = await Assert.ThrowsAsync<NovaPulseApiException>(() => client.GetTaskAsync(created.Id.Value));
        Assert.Equal(404, gone.Status);
    }

    [Fact]
    public async Task GetTasksAsync_filters_and_ListAllTasksAsync_follows_cursors_across_pages()
    {
        using var client = host.Client(apiKey: await host.ApiKeyAsync());
        var tag = "batch-" + Guid.NewGuid().ToString("N")[..8];
        var titles = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            var task = await client.CreateTaskAsync(new CreateTaskCommand
            {
                Title = $"Task {i}",
                Tags = [tag],
                Status = i % 2 == 0 ? TaskItemStatus.Todo : TaskItemStatus.InProgress,
            });
            titles.Add(task.Title!);
        }

        await client.CreateTaskAsync(new CreateTaskCommand { Title = "Other tag" });

        var first = await client.GetTasksAsync(new TaskFilter { Tag = tag, Limit = 3 });
        Assert.Equal(3, first.Items!.Count);
        Assert.NotNull(first.NextCursor);

        var inProgress = await client.GetTasksAsync(new TaskFilter { Tag = tag, Status = TaskItemStatus.InProgress, Limit = 100 });
        Assert.Equal(3, inProgress.Items!.Count);
        Assert.All(inProgress.Items, t => Assert.Equal(TaskItemStatus.InProgress, t.Status));

        var all = new List<TaskDto>();
        await foreach (var task in client.ListAllTasksAsync(new TaskFilter { Tag = tag, Limit = 3 }))
        {
            all.Add(task);
        }

        Assert.Equal(7, all.Count);
        Assert.Equal(7, all.Select(t => t.Id).Distinct().Count());
        Assert.Equal(titles.Order(), all.Select(t => t.Title!).Order());
    }

    [Fact]
    public async Task A_post_whose_response_was_lost_is_retried_with_the_same_key_and_creates_one_task()
    {
        var dropper = new DropFirstPostResponse();
        using var client = host.Client(apiKey: await host.ApiKeyAsync(), primary: dropper);
        var title = "Exactly once " + Guid.NewGuid().ToString("N")[..8];

        var created = await client.CreateTaskAsync(new CreateTaskCommand { Title = title });

        Assert.Equal(title, created.Title);
        Assert.Equal(2, dropper.Keys.Count);
        Assert.Single(dropper.Keys.Distinct());
        var matching = await client.GetTasksAsync(new TaskFilter { Search = title, Limit = 100 });
        Assert.Single(matching.Items!);
        Assert.Equal(created.Id, matching.Items![0].Id);
    }

    [Fact]
    public async Task A_429_is_retried_after_the_servers_Retry_After()
    {
        var throttle = new ThrottleFirstRequest(TimeSpan.FromSeconds(1));
        using var client = host.Client(apiKey: await host.ApiKeyAsync(), primary: throttle);
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var page = await client.GetTasksAsync();

        Assert.NotNull(page.Items);
        Assert.Equal(2, throttle.Calls);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(900), $"waited only {watch.Elapsed}");
    }

    [Fact]
    public async Task Validation_errors_surface_as_NovaPulseApiException_with_field_errors()
    {
        using var client = host.Client(apiKey: await host.ApiKeyAsync());

        var error = await Assert.ThrowsAsync<NovaPulseApiException>(() => client.CreateTaskAsync(new CreateTaskCommand { Title = "" }));

        Assert.Equal(400, error.Status);
        Assert.False(string.IsNullOrEmpty(error.Title));
        Assert.False(string.IsNullOrEmpty(error.TraceId));
        Assert.True(error.Errors.ContainsKey("title"), string.Join(",", error.Errors.Keys));
        Assert.NotEmpty(error.Errors["title"]);
        Assert.Contains("title", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_api_key_is_401()
    {
        using var client = host.Client(apiKey: "np_not-a-real-key");

        var error = await Assert.ThrowsAsync<NovaPulseApiException>(() => client.WhoAmIAsync());

        Assert.Equal(401, error.Status);
    }

    [Fact]
    public async Task A_member_key_on_an_admin_endpoint_is_403()
    {
        using var client = host.Client(apiKey: await host.ApiKeyAsync(Role.Member));

        var error = await Assert.ThrowsAsync<NovaPulseApiException>(() => client.ApiKeys.ListAsync());

        Assert.Equal(403, error.Status);
        Assert.False(string.IsNullOrEmpty(error.Title));
    }

    [Fact]
    public async Task A_missing_task_is_404_with_problem_details()
    {
        using var client = host.Client(apiKey: await host.ApiKeyAsync());

        var error = await Assert.ThrowsAsync<NovaPulseApiException>(() => client.GetTaskAsync(Guid.CreateVersion7()));

        Assert.Equal(404, error.Status);
        Assert.False(string.IsNullOrEmpty(error.Type));
        Assert.False(string.IsNullOrEmpty(error.TraceId));
    }

    [Fact]
    public async Task An_unconfigured_provider_is_409_with_its_code()
    {
        using var client = host.Client(apiKey: await host.ApiKeyAsync(Role.Admin));

        var error = await Assert.ThrowsAsync<NovaPulseApiException>(
            () => client.HttpClient.PostAsJsonAsync(new Uri(host.BaseUrl, "api/v1/billing/create-checkout-session"), new { planId = "pro" }));

        Assert.Equal(409, error.Status);
        Assert.Equal("billing_not_configured", error.Code);
    }

    [Fact]
    public async Task Reusing_an_idempotency_key_with_another_body_is_422()
    {
        using var client = host.Client(apiKey: await host.ApiKeyAsync());
        var key = Guid.NewGuid().ToString();
        var tasks = new Uri(host.BaseUrl, "api/v1/tasks");

        using var first = new HttpRequestMessage(HttpMethod.Post, tasks) { Content = JsonContent.Create(new { title = "One" }) };
        first.Headers.Add("Idempotency-Key", key);
        using var ok = await client.HttpClient.SendAsync(first);
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);

        using var second = new HttpRequestMessage(HttpMethod.Post, tasks) { Content = JsonContent.Create(new { title = "Two" }) };
        second.Headers.Add("Idempotency-Key", key);
        var error = await Assert.ThrowsAsync<NovaPulseApiException>(() => client.HttpClient.SendAsync(second));
        Assert.Equal(422, error.Status);
    }

    /// <summary>Lets the first POST reach the server, then loses its response like a dropped connection.</summary>
    private sealed class DropFirstPostResponse : DelegatingHandler
    {
        private int _posts;

        public DropFirstPostResponse()
            : base(new SocketsHttpHandler())
        {
        }

        public List<string> Keys { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method != HttpMethod.Post)
            {
                return await base.SendAsync(request, cancellationToken);
            }

            Keys.Add(request.Headers.GetValues("Idempotency-Key").Single());
            var response = await base.SendAsync(request, cancellationToken);
            if (Interlocked.Increment(ref _posts) == 1)
            {
                Assert.Equal(HttpStatusCode.Created, response.StatusCode); // the server did the work
                response.Dispose();
                throw new HttpRequestException("The connection was reset (injected by the test).");
            }

            return response;
        }
    }

    /// <summary>Answers the first request with 429 and a Retry-After, without reaching the server.</summary>
    private sealed class ThrottleFirstRequest(TimeSpan retryAfter) : DelegatingHandler(new SocketsHttpHandler())
    {
        private int _calls;

        public int Calls => _calls;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _calls) == 1)
            {
                var throttled = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
                throttled.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(retryAfter);
                return Task.FromResult(throttled);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
