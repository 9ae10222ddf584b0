using System.Net;
using System.Net.Http.Json;
using NovaPulse.WebApi.IntegrationTests.Infrastructure;

namespace NovaPulse.WebApi.IntegrationTests;

[Collection(ApiCollection.Name)]
public sealed class IdempotencyTests(NovaPulseFactory factory)
{
    [Fact]
    public async Task Retrying_a_post_with_the_same_key_and_body_replays_the_first_response()
    {
        var tenant = await factory.RegisterAsync();
        var key = Guid.NewGuid().ToString();

        var first = await Post(tenant.Owner, key, new { title = "once" });
        var retry = await Post(tenant.Owner, key, new { title = "once" });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.True(retry.Headers.Contains("Idempotent-Replayed"));
        var list = await (await tenant.Owner.GetAsync("/api/v1/tasks")).ReadJsonAsync();
        Assert.Single(list["items"]!.AsArray());
    }

    [Fact]
    public async Task The_same_key_with_a_different_body_is_422()
    {
        var tenant = await factory.RegisterAsync();
        var key = Guid.NewGuid().ToString();
        await Post(tenant.Owner, key, new { title = "first" });

        var response = await Post(tenant.Owner, key, new { title = "second" });

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Keys_are_scoped_to_the_caller()
    {
        var a = await factory.RegisterAsync();
        var b = await factory.RegisterAsync();
        var key = Guid.NewGuid().ToString();

        var fromA = await Post(a.Owner, key, new { title = "same" });
        var fromB = await Post(b.Owner, key, new { title = "same" });

        Assert.Equal(HttpStatusCode.Created, fromB.StatusCode);
        Assert.NotEqual((await fromA.ReadJsonAsync())["id"]!.ToString(), (await fromB.ReadJsonAsync())["id"]!.ToString());
    }

    [Fact]
    public async Task A_rejected_request_replays_its_rejection_and_creates_nothing()
    {
        var tenant = await factory.RegisterAsync();
        var key = Guid.NewGuid().ToString();

        var first = await Post(tenant.Owner, key, new { title = "" });
        var retry = await Post(tenant.Owner, key, new { title = "" });

        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, retry.StatusCode);
        Assert.Empty((await (await tenant.Owner.GetAsync("/api/v1/tasks")).ReadJsonAsync())["items"]!.AsArray());
    }

    [Fact]
    public async Task An_overlong_key_is_400()
    {
        var tenant = await factory.RegisterAsync();

        var response = await Post(tenant.Owner, new string('k', 256), new { title = "x" });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_key_is_forgotten_after_24_hours()
    {
        await using var host = new NovaPulseFactory();
        await host.InitializeAsync();
        var tenant = await host.RegisterAsync();
        var key = Guid.NewGuid().ToString();
        await Post(tenant.Owner, key, new { title = "day one" });

        host.Clock.Advance(TimeSpan.FromHours(25));
        var login = await host.Anonymous().PostAsJsonAsync("/api/v1/auth/login", new { email = tenant.OwnerEmail, password = Tenant.Password });
        var client = host.WithBearer((await login.ReadJsonAsync())["accessToken"]!.GetValue<string>());
        var later = await Post(client, key, new { title = "day two" });

        Assert.Equal(HttpStatusCode.Created, later.StatusCode);
        Assert.False(later.Headers.Contains("Idempotent-Replayed"));
    }

    private static Task<HttpResponseMessage> Post(HttpClient client, string key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tasks") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }
}
