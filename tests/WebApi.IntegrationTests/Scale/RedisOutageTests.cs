using System.Net;
using System.Net.Http.Headers;
using NovaPulse.WebApi.IntegrationTests.Infrastructure;

namespace NovaPulse.WebApi.IntegrationTests.Scale;

/// <summary>
/// Redis stops under running hosts: <c>Redis:FailOpen</c> hosts keep answering within their own in-memory limits,
/// fail-closed hosts answer 503 ProblemDetails with Retry-After (never a 500), and both count it in /metrics; when Redis
/// is back the shared limits resume.
/// </summary>
public sealed class RedisOutageTests : IAsyncLifetime
{
    private readonly ThrowawayRedis _redis = new();

    public Task InitializeAsync() => _redis.InitializeAsync();

    public Task DisposeAsync() => _redis.DisposeAsync();

    [Fact]
    public async Task With_redis_down_fail_open_hosts_answer_and_fail_closed_hosts_answer_503_until_it_is_back()
    {
        await using var open = new RedisHost(_redis, failOpen: true);
        await open.InitializeAsync();
        await using var closed = new RedisHost(_redis, failOpen: false);
        await closed.InitializeAsync();
        var openClient = (await open.RegisterAsync()).Owner;
        var closedClient = (await closed.RegisterAsync()).Owner;
        Assert.Equal(HttpStatusCode.OK, (await closedClient.GetAsync("/api/v1/tasks")).StatusCode);

        await _redis.StopAsync();
        var whileDown = new List<HttpResponseMessage>();
        for (var i = 0; i <= RedisHost.PermitsPerMinute; i++)
        {
            whileDown.Add(await openClient.GetAsync("/api/v1/tasks"));
        }

        var refused = await closedClient.GetAsync("/api/v1/tasks");
        var metrics = await ReadMetricsAsync(open);
        using var probe = closed.CreateClient();
        var liveness = await probe.GetAsync("/health/live");
        var readiness = await probe.GetAsync("/health/ready");
        var closedMetrics = await ReadMetricsAsync(closed);

        // Fail open: the host's own window of the same size, so the limit still holds per host.
        Assert.All(whileDown.Take(RedisHost.PermitsPerMinute), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await whileDown[^1].AssertProblemAsync(HttpStatusCode.TooManyRequests);
        var problem = await refused.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("Rate limiting unavailable", problem["title"]!.GetValue<string>());
        Assert.Equal(TimeSpan.FromSeconds(5), refused.Headers.RetryAfter?.Delta);
        Assert.Matches("novapulse_rate_limit_store_failures_total\\{fallback=\"in_memory\"\\} [1-9]", metrics);
        Assert.Matches("novapulse_rate_limit_store_failures_total\\{fallback=\"rejected\"\\} [1-9]", closedMetrics);
        // The fail-closed host stays alive, ready and scrapeable: probes and /metrics need no shared rate-limit decision.
        Assert.Equal(HttpStatusCode.OK, liveness.StatusCode);
        Assert.Equal(HttpStatusCode.OK, readiness.StatusCode);

        await _redis.StartAsync();
        Assert.Equal(HttpStatusCode.OK, await EventuallyAsync(closedClient, HttpStatusCode.OK));
    }

    private static async Task<string> ReadMetricsAsync(RedisHost host)
    {
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", RedisHost.MetricsToken);
        var response = await client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The client reconnects in the background; the first answers after Redis restarts may still be 503.</summary>
    private static async Task<HttpStatusCode> EventuallyAsync(HttpClient client, HttpStatusCode expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        HttpStatusCode status;
        do
        {
            status = (await client.GetAsync("/api/v1/tasks")).StatusCode;
            if (status == expected)
            {
                break;
            }

            await Task.Delay(250);
        }
        while (DateTime.UtcNow < deadline);

        return status;
    }
}
