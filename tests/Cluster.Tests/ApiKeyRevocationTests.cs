using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;

namespace NovaPulse.Cluster.Tests;

[Collection(ClusterCollection.Name)]
public sealed class ApiKeyRevocationTests(ClusterFixture cluster)
{
    [Fact]
    public async Task A_key_revoked_on_host_1_is_refused_on_host_2_at_once_though_host_2_had_it_cached()
    {
        using var owner = await cluster.RegisterAsync();
        using var created = await owner.PostAsJsonAsync("/api/v1/api-keys", new { name = "ci" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.ReadJsonAsync();
        var key = body.GetProperty("key").GetString()!;
        var keyId = body.GetProperty("apiKey").GetProperty("id").GetString();

        using var host1 = new HttpClient { BaseAddress = cluster.Host(1) };
        host1.DefaultRequestHeaders.Authorization = owner.DefaultRequestHeaders.Authorization;
        using var host2 = new HttpClient { BaseAddress = cluster.Host(2) };
        host2.DefaultRequestHeaders.Add("X-Api-Key", key);
        using (var accepted = await host2.GetAsync("/api/v1/tasks"))
        {
            // Host 2 now holds the key's row in its cache (for 5 s).
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        using var revoked = await host1.DeleteAsync($"/api/v1/api-keys/{keyId}");
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);

        // The notice is sent before host 1 answers; allow host 2 a moment to read it, far below the 5 s cache lifetime.
        var since = Stopwatch.StartNew();
        HttpStatusCode status;
        do
        {
            using var attempt = await host2.GetAsync("/api/v1/tasks");
            status = attempt.StatusCode;
        }
        while (status == HttpStatusCode.OK && since.Elapsed < TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }
}
