using System.Collections.Concurrent;
using NovaPulse.Sdk.Generated;

namespace NovaPulse.Sdk.Tests;

[Collection(ApiCollection.Name)]
public sealed class EventsWebhooksUploadsTests(ApiHost host)
{
    [Fact]
    public async Task SubscribeToEventsAsync_creates_an_endpoint_and_returns_its_id_and_secret()
    {
        using var client = host.Client(apiKey: await host.ApiKeyAsync(Role.Admin));

        var subscription = await client.SubscribeToEventsAsync(new Uri("http://127.0.0.1:9/hooks"), ["task.created", "task.completed"], "sdk test");

        Assert.StartsWith("whsec_", subscription.Secret, StringComparison.Ordinal);
        var listed = new List<WebhookEndpointDto>();
        await foreach (var endpoint in client.ListAllWebhooksAsync())
        {
            listed.Add(endpoint);
        }

        var created = Assert.Single(listed);
        Assert.Equal(subscription.Id, created.Id);
        Assert.Equal(["task.created", "task.completed"], created.Events!);
        Assert.DoesNotContain(subscription.Secret, created.Secret ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_event_catalogue_reads_with_each_types_example_as_plain_json()
    {
        using var client = host.Client(apiKey: await host.ApiKeyAsync(Role.Member));

        var catalogue = await client.Webhooks.EventTypesAsync();

        var created = Assert.Single(catalogue, t => t.Name == "task.created");
        Assert.Contains("\"title\"", created.Example!.ToString(), StringComparison.Ordinal);
        Assert.Contains(catalogue, t => t.Name == NovaPulseEventTypes.InvoicePaymentFailed && t.MinimumRole == Role.Admin);
    }

    [Fact]
    public async Task The_generated_event_type_constants_are_the_servers_catalogue()
    {
        using var client = host.Client(apiKey: await host.ApiKeyAsync(Role.Member));

        var catalogue = await client.Webhooks.EventTypesAsync();

        Assert.Equal(catalogue.Select(t => t.Name), NovaPulseEventTypes.All);
        Assert.Equal("task.created", NovaPulseEventTypes.TaskCreated);
    }

    [Fact]
    public async Task UploadAsync_sends_the_file_and_reports_progress_up_to_its_size()
    {
        using var client = host.Client(apiKey: await host.ApiKeyAsync(Role.Member));
        var path = Path.Combine(Path.GetTempPath(), $"sdk-upload-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(path, string.Concat(Enumerable.Repeat("NovaPulse upload line\n", 20_000)));
        var reports = new ConcurrentQueue<long>();
        try
        {
            var upload = await client.UploadAsync(path, isPublic: true, progress: new SynchronousProgress(reports.Enqueue));

            var size = new FileInfo(path).Length;
            Assert.Equal(size, upload.Size);
            Assert.True(upload.IsPublic);
            Assert.Equal(Path.GetFileName(path), upload.Name);
            Assert.Equal(size, reports.Last());
            Assert.True(reports.Count > 2, "progress is reported per chunk, not only at the end");
            Assert.Equal(reports.Order(), reports);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task StreamEventsAsync_yields_the_companys_events_as_they_happen()
    {
        using var client = host.Client(apiKey: await host.ApiKeyAsync(Role.Member));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await using var events = client.StreamEventsAsync(["task.created"], cancellationToken: timeout.Token).GetAsyncEnumerator(timeout.Token);
        var next = events.MoveNextAsync().AsTask();
        await Task.Delay(300); // the stream starts "now": let it open before the event happens

        var task = await client.CreateTaskAsync(new CreateTaskCommand { Title = "streamed" });

        Assert.True(await next);
        Assert.Equal("task.created", events.Current.Type);
        Assert.StartsWith("msg_", events.Current.Id, StringComparison.Ordinal);
        Assert.Equal(task.Id.ToString(), events.Current.Data.GetProperty("id").GetString());
    }

    [Fact]
    public async Task An_expired_access_token_is_refreshed_once_for_concurrent_calls()
    {
        var owner = await host.RegisterAsync();
        var counter = new CountingHandler();
        var refreshed = new ConcurrentQueue<(string Access, string Refresh)>();
        using var client = NovaPulseClient.Init(new NovaPulseOptions
        {
            BaseUrl = host.BaseUrl,
            AccessToken = "expired-or-revoked-token",
            RefreshToken = owner.RefreshToken,
            TokensRefreshed = (access, refresh) => refreshed.Enqueue((access, refresh)),
            PrimaryHandler = counter,
        });

        var calls = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => client.WhoAmIAsync()));

        Assert.All(calls, me => Assert.Equal(owner.User!.Id, me.User!.Id));
        Assert.Equal(1, counter.Refreshes);
        var (access, refreshToken) = Assert.Single(refreshed);
        Assert.NotEqual(owner.RefreshToken, refreshToken);
        using var withNewToken = host.Client(accessToken: access);
        Assert.Equal(owner.User!.Id, (await withNewToken.WhoAmIAsync()).User!.Id);
    }

    [Fact]
    public async Task A_refused_refresh_surfaces_the_401()
    {
        using var client = NovaPulseClient.Init(new NovaPulseOptions
        {
            BaseUrl = host.BaseUrl,
            AccessToken = "expired-or-revoked-token",
            RefreshToken = "not-a-refresh-token",
        });

        var error = await Assert.ThrowsAsync<NovaPulseApiException>(() => client.WhoAmIAsync());

        Assert.Equal(401, error.Status);
    }

    /// <summary>Reports on the caller's thread (Progress&lt;T&gt; posts to the thread pool, so its order is not guaranteed).</summary>
    private sealed class SynchronousProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }

    private sealed class CountingHandler() : DelegatingHandler(new SocketsHttpHandler())
    {
        private int _refreshes;

        public int Refreshes => _refreshes;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri!.AbsolutePath.EndsWith("/auth/refresh", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _refreshes);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
