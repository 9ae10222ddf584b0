using System.Diagnostics;

namespace NovaPulse.Cluster.Tests;

[Collection(ClusterCollection.Name)]
public sealed class EventStreamTests(ClusterFixture cluster)
{
    [Fact]
    public async Task A_stream_open_on_host_3_sees_an_event_committed_on_host_1_within_a_second()
    {
        using var viaProxy = await cluster.RegisterAsync();
        using var host1 = new HttpClient { BaseAddress = cluster.Host(1) };
        using var host3 = new HttpClient { BaseAddress = cluster.Host(3), Timeout = Timeout.InfiniteTimeSpan };
        host1.DefaultRequestHeaders.Authorization = host3.DefaultRequestHeaders.Authorization = viaProxy.DefaultRequestHeaders.Authorization;

        using var stream = await host3.GetAsync("/api/v1/events/stream", HttpCompletionOption.ResponseHeadersRead);
        stream.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync());
        while (await reader.ReadLineAsync() is { } line && line != ": connected")
        {
        }

        using var created = await host1.PostAsync("/api/v1/tasks", System.Net.Http.Json.JsonContent.Create(new { title = "Seen everywhere" }));
        created.EnsureSuccessStatusCode();
        var committed = Stopwatch.StartNew();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        string? eventLine = null;
        while (eventLine is null && await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            eventLine = line.StartsWith("event: ", StringComparison.Ordinal) ? line : null;
        }

        // The hosts poll streams every 30 s in this cluster: only the notification can be this fast.
        Assert.Equal("event: task.created", eventLine);
        Assert.InRange(committed.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(1));
    }
}
