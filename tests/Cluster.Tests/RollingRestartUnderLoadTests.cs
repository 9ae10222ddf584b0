using System.Net.Http.Json;
using Xunit.Abstractions;

namespace NovaPulse.Cluster.Tests;

/// <summary>
/// A rolling restart through the proxy while a client keeps writing and reading: each host in turn gets SIGTERM, drains
/// (readiness 503), exits, starts again and becomes ready before the next one goes.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RollingRestartUnderLoadTests(ClusterFixture cluster, ITestOutputHelper output)
{
    [Fact]
    public async Task Restarting_the_three_hosts_one_at_a_time_under_load_loses_no_request_the_client_did_not_see_fail_retryably()
    {
        using var client = await cluster.RegisterAsync();
        var load = new SteadyLoad(client);
        using var stop = new CancellationTokenSource();
        var running = load.RunAsync(loops: 4, stop.Token);
        try
        {
            for (var host = 1; host <= 3; host++)
            {
                await cluster.RestartAsync(host);
            }
        }
        finally
        {
            await stop.CancelAsync();
            await running;
        }

        output.WriteLine($"{load.Created.Count} tasks created, {load.Retries} client retries");
        Assert.Empty(load.Failures);
        var stored = await ListTitlesAsync(client);
        Assert.NotEmpty(load.Created);
        // Every write the client saw succeed is there once; no retried write (same Idempotency-Key) is there twice.
        Assert.Empty(load.Created.Except(stored));
        Assert.Empty(stored.GroupBy(title => title).Where(g => g.Count() > 1).Select(g => g.Key));
    }

    private static async Task<List<string>> ListTitlesAsync(HttpClient client)
    {
        var titles = new List<string>();
        string? cursor = null;
        do
        {
            var page = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/tasks?limit=100" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            titles.AddRange(page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("title").GetString()!));
            cursor = page.TryGetProperty("nextCursor", out var next) && next.ValueKind == System.Text.Json.JsonValueKind.String ? next.GetString() : null;
        }
        while (cursor is not null);
        return titles;
    }
}
