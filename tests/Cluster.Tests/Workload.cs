using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace NovaPulse.Cluster.Tests;

/// <summary>What the tests do through the proxy: subscribe a receiver, raise events by creating tasks.</summary>
public static class Workload
{
    public static async Task SubscribeAsync(HttpClient client, WebhookReceiver receiver)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/webhooks", new { url = receiver.Url, events = new[] { "task.created" } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    /// <summary>Creates <paramref name="count"/> tasks (one task.created event each), a few at a time.</summary>
    public static async Task CreateTasksAsync(HttpClient client, int count)
    {
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 12 }, async (i, cancellationToken) =>
        {
            using var response = await client.PostAsJsonAsync("/api/v1/tasks", new { title = $"Task {i}" }, cancellationToken);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        });
    }

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();
}
