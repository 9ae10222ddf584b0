using System.Net;
using System.Net.Http.Json;
using NovaPulse.WebApi.IntegrationTests.Infrastructure;

namespace NovaPulse.WebApi.IntegrationTests.Scale;

/// <summary>With <c>Redis:Configuration</c> set, the per-principal and per-address limits hold for the cluster, not per host.</summary>
public sealed class SharedRateLimitTests(ThrowawayRedis redis) : IClassFixture<ThrowawayRedis>
{
    [Fact]
    public async Task Two_hosts_on_one_redis_allow_one_request_budget_per_principal_in_total()
    {
        await using var first = new RedisHost(redis);
        await first.InitializeAsync();
        await using var second = first.Another();
        var token = (await first.RegisterAsync()).Owner.DefaultRequestHeaders.Authorization!.Parameter!;
        var clients = new[] { first.WithBearer(token), second.WithBearer(token) };

        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 2 * RedisHost.PermitsPerMinute; i++)
        {
            responses.Add(await clients[i % 2].GetAsync("/api/v1/tasks"));
        }

        // Alternating hosts: each answered half of the allowed requests, and together no more than one budget.
        Assert.All(responses.Take(RedisHost.PermitsPerMinute), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        foreach (var limited in responses.Skip(RedisHost.PermitsPerMinute))
        {
            await limited.AssertProblemAsync(HttpStatusCode.TooManyRequests);
            Assert.InRange(limited.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
            Assert.Equal("10", limited.Headers.GetValues("RateLimit-Limit").Single());
        }
    }

    [Fact]
    public async Task Sign_in_attempts_per_client_address_are_counted_once_for_all_hosts()
    {
        await using var first = new RedisHost(redis);
        await first.InitializeAsync();
        await using var second = first.Another();
        var clients = new[] { first.Anonymous(), second.Anonymous() };

        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 2 * RedisHost.AuthPermitsPerMinute; i++)
        {
            responses.Add(await clients[i % 2].PostAsJsonAsync("/api/v1/auth/login", new { email = "nobody@example.test", password = "wrong-pass-1" }));
        }

        Assert.All(responses.Take(RedisHost.AuthPermitsPerMinute), r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        foreach (var limited in responses.Skip(RedisHost.AuthPermitsPerMinute))
        {
            await limited.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        }
    }
}
