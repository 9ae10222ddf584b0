using System.Net;
using System.Net.Http.Json;
using NovaPulse.WebApi.IntegrationTests.Infrastructure;

namespace NovaPulse.WebApi.IntegrationTests;

/// <summary>A host allowing 3 sign-in attempts per minute per IP.</summary>
public sealed class AuthThrottledFactory : NovaPulseFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["RateLimiting:AuthPermitsPerMinute"] = "3" };
}

/// <summary>A host allowing 20 requests per minute per principal.</summary>
public sealed class RequestThrottledFactory : NovaPulseFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimiting:PermitsPerMinute"] = "20",
        ["RateLimiting:ProbePermitsPerMinute"] = "30",
    };
}

/// <summary>A host whose request budget (2 a minute) runs out before its sign-in budget (50 a minute).</summary>
public sealed class RequestBudgetBelowAuthFactory : NovaPulseFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimiting:PermitsPerMinute"] = "2",
        ["RateLimiting:AuthPermitsPerMinute"] = "50",
    };
}

public sealed class RefusingLimitTests(RequestBudgetBelowAuthFactory factory) : IClassFixture<RequestBudgetBelowAuthFactory>
{
    [Fact]
    public async Task A_sign_in_refused_by_the_request_budget_reports_that_budget()
    {
        var client = factory.Anonymous();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 3; i++)
        {
            last = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "nobody@example.test", password = "wrong-pass-1" });
        }

        await last!.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("2", last!.Headers.GetValues("RateLimit-Limit").Single());
    }
}

public sealed class AuthRateLimitTests(AuthThrottledFactory factory) : IClassFixture<AuthThrottledFactory>
{
    [Fact]
    public async Task Sign_in_attempts_beyond_the_limit_are_429_with_Retry_After()
    {
        var client = factory.Anonymous();
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 5; i++)
        {
            responses.Add(await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "nobody@example.test", password = "wrong-pass-1" }));
        }

        Assert.All(responses.Take(3), r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        var limited = responses[^1];
        await limited.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.True(limited.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.Equal("3", limited.Headers.GetValues("RateLimit-Limit").Single());
        Assert.Equal("0", limited.Headers.GetValues("RateLimit-Remaining").Single());
    }

}

public sealed class DashboardSignInRateLimitTests(AuthThrottledFactory factory) : IClassFixture<AuthThrottledFactory>
{
    [Fact]
    public async Task Dashboard_sign_in_submissions_share_the_per_ip_limit_while_showing_the_form_stays_free()
    {
        var client = factory.Anonymous();
        var posts = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
        {
            posts.Add(await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login",
                ["Input.Email"] = "nobody@example.test",
                ["Input.Password"] = "wrong-pass-1",
            })));
        }

        Assert.All(posts.Take(3), r => Assert.NotEqual(HttpStatusCode.TooManyRequests, r.StatusCode));
        await posts[^1].AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode);
        await (await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "nobody@example.test", password = "wrong-pass-1" }))
            .AssertProblemAsync(HttpStatusCode.TooManyRequests);
    }
}

public sealed class RequestRateLimitTests(RequestThrottledFactory factory) : IClassFixture<RequestThrottledFactory>
{
    [Fact]
    public async Task A_principal_beyond_its_request_budget_is_429()
    {
        var client = factory.Anonymous();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 25; i++)
        {
            last = await client.GetAsync("/api/v1/tasks"); // 401 anonymously, counted all the same
        }

        await last!.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("20", last!.Headers.GetValues("RateLimit-Limit").Single());
    }

    [Fact]
    public async Task Health_probes_have_their_own_budget_beside_the_request_budget()
    {
        var client = factory.Anonymous();
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 30; i++)
        {
            answers.Add((await client.GetAsync(i % 2 == 0 ? "/health/live" : "/health/ready")).StatusCode);
        }

        var beyond = await client.GetAsync("/health/live");

        // 30 probes from one address, more than the 20 requests it may make, all answered; the 31st is over the probes' 30.
        Assert.All(answers, status => Assert.Equal(HttpStatusCode.OK, status));
        await beyond.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("30", beyond.Headers.GetValues("RateLimit-Limit").Single());
    }
}
