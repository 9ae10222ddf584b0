using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NovaPulse.WebApi.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace NovaPulse.WebApi.IntegrationTests.Reliability;

/// <summary>
/// The real host process is SIGKILLed at random moments while clients write and webhooks are delivered, then
/// restarted, 20 times: every write the API acknowledged is still there afterwards, every stored task's event reaches
/// the receiver, and an event delivered twice carries the same <c>webhook-id</c> both times.
/// </summary>
public sealed class CrashRecoveryTests(ITestOutputHelper output)
{
    private const int Rounds = 20;

    [Fact]
    public async Task Acknowledged_writes_survive_repeated_kills()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "novapulse-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        await using var receiver = await WebhookReceiver.StartAsync();
        // Short leases, so the work a killed instance had claimed is taken over within seconds of the restart.
        var settings = new Dictionary<string, string>
        {
            ["Webhooks:AllowPrivateTargets"] = "true",
            ["Webhooks:PollInterval"] = "00:00:00.100",
            ["Webhooks:TimeoutSeconds"] = "2",
            ["Webhooks:LeaseMargin"] = "00:00:03",
            ["Webhooks:CircuitBreakerMinimumThroughput"] = "100000",
        };
        await using var host = new ProcessHost(dataDirectory, await TestDatabase.CreateAsync(dataDirectory), settings);
        await host.StartAsync();
        var token = await RegisterAsync(host);
        await SubscribeAsync(host, token, receiver.Url);
        var acknowledged = new ConcurrentBag<string>();
        var random = new Random(7);
        var attempts = 0;

        for (var round = 0; round < Rounds; round++)
        {
            // A first write after each start pays for JIT and model building; the kill should land among fast writes.
            acknowledged.Add(await WarmUpAsync(host, token));
            using var cancel = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
            {
                using var client = host.CreateClient();
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
                while (!cancel.IsCancellationRequested)
                {
                    Interlocked.Increment(ref attempts);
                    try
                    {
                        var response = await client.PostAsJsonAsync("/api/v1/tasks", new { title = $"round {round}" }, cancel.Token);
                        if (response.StatusCode == HttpStatusCode.Created)
                        {
                            acknowledged.Add((await response.Content.ReadFromJsonAsync<JsonObject>(cancel.Token))!["id"]!.GetValue<string>());
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException or System.Net.Sockets.SocketException)
                    {
                        // The host died under this request: unacknowledged, so it may or may not have committed.
                    }
                }
            })).ToList();

            await Task.Delay(random.Next(50, 400));
            await host.KillAsync();
            await cancel.CancelAsync();
            await Task.WhenAll(writers);
            await host.StartAsync();
        }

        using var reader = host.CreateClient();
        reader.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var stored = new HashSet<string>();
        string? cursor = null;
        do
        {
            var page = await reader.GetFromJsonAsync<JsonObject>("/api/v1/tasks?limit=100" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            foreach (var item in page!["items"]!.AsArray())
            {
                stored.Add(item!["id"]!.GetValue<string>());
            }

            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);

        var lost = acknowledged.Where(id => !stored.Contains(id)).ToList();
        var deliveries = await receiver.WaitForAsync(r => stored.IsSubsetOf(r.Select(TaskIdOf)), timeoutSeconds: 60);
        var webhookIdsPerTask = deliveries.GroupBy(TaskIdOf).ToDictionary(g => g.Key, g => g.Select(r => r.WebhookId).Distinct().Count());
        var conflicting = webhookIdsPerTask.Count(p => p.Value > 1);
        output.WriteLine($"crash: {Rounds} kills, {attempts} writes attempted, {acknowledged.Count} acknowledged, {stored.Count} stored, {lost.Count} lost; "
            + $"{deliveries.Count} deliveries for {webhookIdsPerTask.Count} events, {deliveries.Count - webhookIdsPerTask.Count} redelivered, {conflicting} with a second webhook-id");
        Assert.NotEmpty(acknowledged);
        Assert.Empty(lost);
        Assert.Equal(0, conflicting);
    }

    private static string TaskIdOf(ReceivedRequest request)
    {
        var data = JsonNode.Parse(request.Body)!["data"]!;
        return (data["task"] ?? data)["id"]!.GetValue<string>();
    }

    private static async Task SubscribeAsync(ProcessHost host, string token, string url)
    {
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await client.PostAsJsonAsync("/api/v1/webhooks", new { url, events = new[] { "task.created" } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static async Task<string> WarmUpAsync(ProcessHost host, string token)
    {
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await client.PostAsJsonAsync("/api/v1/tasks", new { title = "warm-up" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }

    private static async Task<string> RegisterAsync(ProcessHost host)
    {
        using var client = host.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/register", new
        {
            companyName = "Crashy",
            name = "Owner",
            email = $"crash-{Guid.NewGuid():N}@example.test",
            password = Tenant.Password,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
    }
}
