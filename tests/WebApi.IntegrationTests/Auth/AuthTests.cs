using System.Net;
using System.Net.Http.Json;
using NovaPulse.WebApi.IntegrationTests.Infrastructure;

namespace NovaPulse.WebApi.IntegrationTests;

[Collection(ApiCollection.Name)]
public sealed class AuthTests(NovaPulseFactory factory)
{
    [Fact]
    public async Task Registering_creates_the_company_with_its_owner_and_returns_tokens()
    {
        var response = await factory.Anonymous().PostAsJsonAsync("/api/v1/auth/register", new
        {
            companyName = "Acme",
            name = "Ann",
            email = $"ann-{Guid.NewGuid():N}@acme.test",
            password = "s3cret-password",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal("Bearer", body["tokenType"]!.GetValue<string>());
        Assert.Equal(900, body["expiresIn"]!.GetValue<int>());
        Assert.Equal(3, body["accessToken"]!.GetValue<string>().Split('.').Length);
        Assert.False(string.IsNullOrEmpty(body["refreshToken"]!.GetValue<string>()));
        Assert.Equal("owner", body["user"]!["role"]!.GetValue<string>());
        Assert.Equal("Acme", body["company"]!["name"]!.GetValue<string>());
        Assert.Equal("free", body["company"]!["planId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Registering_an_email_twice_is_a_conflict_whatever_its_case()
    {
        var tenant = await factory.RegisterAsync();

        var response = await factory.Anonymous().PostAsJsonAsync("/api/v1/auth/register", new
        {
            companyName = "Other",
            name = "Copy",
            email = tenant.OwnerEmail.ToUpperInvariant(),
            password = "another-pass-1",
        });

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("", "Ann", "ann@x.test", "password-1", "companyName")]
    [InlineData("Acme", "", "ann@x.test", "password-1", "name")]
    [InlineData("Acme", "Ann", "not-an-email", "password-1", "email")]
    [InlineData("Acme", "Ann", "ann@x.test", "short1", "password")]
    [InlineData("Acme", "Ann", "ann@x.test", "lettersonly", "password")]
    public async Task Registering_with_invalid_fields_lists_each_field(string companyName, string name, string email, string password, string field)
    {
        var response = await factory.Anonymous().PostAsJsonAsync("/api/v1/auth/register", new { companyName, name, email, password });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]![field]);
    }

    [Fact]
    public async Task Registering_while_signed_in_creates_an_independent_company()
    {
        var existing = await factory.RegisterAsync();

        var response = await existing.Owner.PostAsJsonAsync("/api/v1/auth/register", new
        {
            companyName = "Second",
            name = "Someone",
            email = $"second-{Guid.NewGuid():N}@example.test",
            password = "s3cret-password",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.NotEqual(existing.CompanyId.ToString(), (await response.ReadJsonAsync())["company"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Signing_in_returns_tokens_and_me_describes_the_caller()
    {
        var tenant = await factory.RegisterAsync("Globex");

        var login = await factory.Anonymous().PostAsJsonAsync("/api/v1/auth/login", new { email = tenant.OwnerEmail, password = Tenant.Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var token = (await login.ReadJsonAsync())["accessToken"]!.GetValue<string>();

        var me = await (await factory.WithBearer(token).GetAsync("/api/v1/auth/me")).ReadJsonAsync();
        Assert.Equal(tenant.OwnerId.ToString(), me["user"]!["id"]!.GetValue<string>());
        Assert.Equal("Globex", me["company"]!["name"]!.GetValue<string>());
        Assert.Equal("owner", me["role"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_wrong_password_is_401_without_saying_which_part_was_wrong()
    {
        var tenant = await factory.RegisterAsync();

        var wrongPassword = await factory.Anonymous().PostAsJsonAsync("/api/v1/auth/login", new { email = tenant.OwnerEmail, password = "wrong-pass-1" });
        var unknownEmail = await factory.Anonymous().PostAsJsonAsync("/api/v1/auth/login", new { email = "nobody@example.test", password = "wrong-pass-1" });

        var a = await wrongPassword.AssertProblemAsync(HttpStatusCode.Unauthorized);
        var b = await unknownEmail.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(a["detail"]!.GetValue<string>(), b["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Repeated_failures_lock_the_account_with_429_and_Retry_After()
    {
        var tenant = await factory.RegisterAsync();
        var client = factory.Anonymous();
        for (var i = 0; i < 5; i++)
        {
            await client.PostAsJsonAsync("/api/v1/auth/login", new { email = tenant.OwnerEmail, password = "wrong-pass-1" });
        }

        var locked = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = tenant.OwnerEmail, password = Tenant.Password });

        await locked.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.True(locked.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }

    [Fact]
    public async Task Refreshing_rotates_the_refresh_token()
    {
        var tenant = await factory.RegisterAsync();

        var response = await factory.Anonymous().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = tenant.RefreshToken });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.NotEqual(tenant.RefreshToken, body["refreshToken"]!.GetValue<string>());
        var me = await factory.WithBearer(body["accessToken"]!.GetValue<string>()).GetAsync("/api/v1/auth/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    [Fact]
    public async Task Reusing_a_spent_refresh_token_revokes_the_whole_family()
    {
        var tenant = await factory.RegisterAsync();
        var client = factory.Anonymous();
        var first = await (await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = tenant.RefreshToken })).ReadJsonAsync();
        var successor = first["refreshToken"]!.GetValue<string>();

        var replay = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = tenant.RefreshToken });
        var successorAfterTheft = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = successor });

        await replay.AssertProblemAsync(HttpStatusCode.Unauthorized);
        await successorAfterTheft.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Concurrent_redemptions_of_one_refresh_token_yield_at_most_one_session()
    {
        var tenant = await factory.RegisterAsync();
        var client = factory.Anonymous();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = tenant.RefreshToken })));

        Assert.True(responses.Count(r => r.StatusCode == HttpStatusCode.OK) <= 1);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
    }

    [Fact]
    public async Task Logging_out_revokes_the_refresh_token()
    {
        var tenant = await factory.RegisterAsync();

        var logout = await tenant.Owner.PostAsJsonAsync("/api/v1/auth/logout", new { refreshToken = tenant.RefreshToken });
        var refresh = await factory.Anonymous().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = tenant.RefreshToken });

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        await refresh.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("/api/v1/auth/me")]
    [InlineData("/api/v1/tasks")]
    [InlineData("/api/v1/members")]
    public async Task Anonymous_calls_to_protected_endpoints_are_401_problems(string path)
    {
        var response = await factory.Anonymous().GetAsync(path);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("not-a-jwt")]
    [InlineData("eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiIxIiwiY29tcGFueV9pZCI6IjEiLCJyb2xlIjoiT3duZXIifQ.")]
    [InlineData("np_unknown-key")]
    public async Task Forged_or_unsigned_tokens_are_rejected(string token)
    {
        var response = await factory.WithBearer(token).GetAsync("/api/v1/auth/me");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }
}
