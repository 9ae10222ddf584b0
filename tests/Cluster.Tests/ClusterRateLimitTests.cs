using System.Net;
using System.Net.Http.Json;

namespace NovaPulse.Cluster.Tests;

/// <summary>
/// The production limits hold for the cluster through the proxy: one budget per principal and one per client address,
/// whichever host answers (round robin spreads every run over all three).
/// </summary>
[Collection(DefaultLimitsCollection.Name)]
public sealed class ClusterRateLimitTests(DefaultLimitsClusterFixture cluster)
{
    private const int PermitsPerMinute = DefaultLimitsClusterFixture.PermitsPerMinute;
    private const int AuthPermitsPerMinute = DefaultLimitsClusterFixture.AuthPermitsPerMinute;

    [Fact]
    public async Task Six_hundred_requests_per_minute_are_allowed_per_principal_on_all_three_hosts_together_not_on_each()
    {
        await cluster.ProxyServesEveryHostAsync();
        using var client = await cluster.RegisterAsync();
        var answers = new List<(HttpStatusCode Status, int Host, HttpResponseMessage Response)>();
        for (var i = 0; i < PermitsPerMinute + 30; i++)
        {
            var response = await client.GetAsync("/api/v1/tasks?limit=1");
            answers.Add((response.StatusCode, cluster.ServedBy(response), response));
        }

        var allowed = answers.Take(PermitsPerMinute).ToList();
        var limited = answers.Skip(PermitsPerMinute).ToList();
        Assert.All(allowed, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.Equal([1, 2, 3], allowed.Select(a => a.Host).Distinct().Order());
        Assert.Equal([1, 2, 3], limited.Select(a => a.Host).Distinct().Order());
        foreach (var (_, _, response) in limited)
        {
            await AssertTooManyRequestsAsync(response, PermitsPerMinute);
        }

        // The budget is the principal's, not the cluster's: another company's user is still served.
        using var other = await cluster.RegisterAsync();
        using var otherAnswer = await other.GetAsync("/api/v1/tasks?limit=1");
        Assert.Equal(HttpStatusCode.OK, otherAnswer.StatusCode);
        answers.ForEach(a => a.Response.Dispose());
    }

    [Fact]
    public async Task Ten_sign_ins_per_minute_are_allowed_per_client_address_on_all_three_hosts_together()
    {
        await cluster.ProxyServesEveryHostAsync();
        using var client = ClientAddress.From("127.0.0.2", cluster.Proxy);
        var answers = new List<(HttpStatusCode Status, int Host, HttpResponseMessage Response)>();
        for (var i = 0; i < AuthPermitsPerMinute + 3; i++)
        {
            var response = await SignInAsync(client);
            answers.Add((response.StatusCode, cluster.ServedBy(response), response));
        }

        Assert.All(answers.Take(AuthPermitsPerMinute), a => Assert.Equal(HttpStatusCode.Unauthorized, a.Status));
        Assert.Equal([1, 2, 3], answers.Take(AuthPermitsPerMinute).Select(a => a.Host).Distinct().Order());
        Assert.Equal([1, 2, 3], answers.Skip(AuthPermitsPerMinute).Select(a => a.Host).Distinct().Order());
        foreach (var (_, _, response) in answers.Skip(AuthPermitsPerMinute))
        {
            await AssertTooManyRequestsAsync(response, AuthPermitsPerMinute);
        }

        // Naming another address does not buy a new budget: nginx appends the one it saw, and that is what the hosts use.
        using (var forged = await SignInAsync(client, forwardedFor: "198.51.100.7"))
        {
            await AssertTooManyRequestsAsync(forged, AuthPermitsPerMinute);
        }

        // Another client address has a budget of its own.
        using var neighbour = ClientAddress.From("127.0.0.3", cluster.Proxy);
        using var neighbourAnswer = await SignInAsync(neighbour);
        Assert.Equal(HttpStatusCode.Unauthorized, neighbourAnswer.StatusCode);
        answers.ForEach(a => a.Response.Dispose());
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string? forwardedFor = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login")
        {
            // A new address each time: the per-account lockout (5 failures) must not answer before the per-address limit.
            Content = JsonContent.Create(new { email = $"nobody-{Guid.NewGuid():N}@cluster.test", password = "Wrong-Horse-9" }),
        };
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        return client.SendAsync(request);
    }

    private static async Task AssertTooManyRequestsAsync(HttpResponseMessage response, int limit)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync();
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.InRange(response.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        Assert.Equal(limit.ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(response.Headers.GetValues("RateLimit-Limit")));
    }
}
