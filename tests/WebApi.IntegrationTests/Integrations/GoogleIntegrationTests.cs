using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using NovaPulse.WebApi.IntegrationTests.Infrastructure;

namespace NovaPulse.WebApi.IntegrationTests.Integrations;

/// <summary>Google's OAuth 2.0 code flow (state, PKCE S256, offline access) against a WireMock.Net fake of Google.</summary>
[Collection(IntegrationsCollection.Name)]
public sealed class GoogleIntegrationTests(IntegrationsFactory factory)
{
    private const string CallbackPath = "/api/v1/integrations/oauth/google/callback";

    [Fact]
    public async Task Connecting_google_stores_the_account_and_redirects_to_the_frontend()
    {
        var tenant = await factory.RegisterAsync();
        var email = $"ada-{Guid.NewGuid():N}@gmail.test";

        var authorization = await StartAsync(tenant);
        var query = QueryHelpers.ParseQuery(authorization.Query);
        var callback = await CallbackAsync(new() { ["code"] = factory.Google.Consent(authorization, email), ["state"] = query["state"] });

        Assert.StartsWith(factory.Google.Server.Url + "/o/oauth2/v2/auth?", authorization.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal(FakeGoogle.ClientId, query["client_id"]);
        Assert.Equal(FakeGoogle.RedirectUri, query["redirect_uri"]);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.Equal(43, query["code_challenge"].ToString().Length);
        Assert.Equal("offline", query["access_type"]);
        Assert.Equal("consent", query["prompt"]);
        Assert.True(query["state"].ToString().Length >= 43);

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("https://app.novapulse.test/settings/integrations?connected=google", callback.Headers.Location!.ToString());
        var google = await tenant.Owner.IntegrationAsync("google");
        Assert.Equal("connected", google!["status"]!.GetValue<string>());
        Assert.Equal(email, google["settings"]!["accountEmail"]!.GetValue<string>());
        var refreshToken = factory.Google.LiveRefreshTokens.Single(t => IsTokenOf(t, email));
        Assert.DoesNotContain(refreshToken, google.ToJsonString(), StringComparison.Ordinal);
        var stored = await factory.WithDbAsync(db => db.Integrations.IgnoreQueryFilters().AsNoTracking().SingleAsync(i => i.CompanyId == tenant.CompanyId));
        Assert.DoesNotContain(refreshToken, stored.Secret, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_redirects_the_browser_to_google_unless_json_is_asked_for()
    {
        var tenant = await factory.RegisterAsync();
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = tenant.Owner.DefaultRequestHeaders.Authorization;

        var response = await client.GetAsync("/api/v1/integrations/oauth/google/start");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(factory.Google.Server.Url + "/o/oauth2/v2/auth?", response.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_replayed_state_is_400_and_stores_nothing_more()
    {
        var tenant = await factory.RegisterAsync();
        var authorization = await StartAsync(tenant);
        var state = QueryHelpers.ParseQuery(authorization.Query)["state"].ToString();
        var first = await CallbackAsync(new() { ["code"] = factory.Google.Consent(authorization, "first@gmail.test"), ["state"] = state });
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        var replay = await CallbackAsync(new() { ["code"] = factory.Google.Consent(authorization, "attacker@gmail.test"), ["state"] = state });

        await replay.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("first@gmail.test", (await tenant.Owner.IntegrationAsync("google"))!["settings"]!["accountEmail"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_or_missing_state_is_400_and_nothing_is_stored()
    {
        var tenant = await factory.RegisterAsync();
        var authorization = await StartAsync(tenant);
        var code = factory.Google.Consent(authorization, "x@gmail.test");

        var forged = await CallbackAsync(new() { ["code"] = code, ["state"] = "forged-state-value" });
        var missing = await CallbackAsync(new() { ["code"] = code });

        await forged.AssertProblemAsync(HttpStatusCode.BadRequest);
        await missing.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Null(await tenant.Owner.IntegrationAsync("google"));
    }

    [Fact]
    public async Task A_state_older_than_ten_minutes_is_400()
    {
        var tenant = await factory.RegisterAsync();
        var authorization = await StartAsync(tenant);
        factory.Clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));

        var response = await CallbackAsync(new()
        {
            ["code"] = factory.Google.Consent(authorization, "late@gmail.test"),
            ["state"] = QueryHelpers.ParseQuery(authorization.Query)["state"],
        });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_code_exchanged_with_the_wrong_verifier_is_refused_by_google_and_nothing_is_stored()
    {
        var tenant = await factory.RegisterAsync();
        var first = await StartAsync(tenant);
        var second = await StartAsync(tenant);
        var failuresBefore = factory.Google.PkceFailures;

        // The code was issued for the first request's challenge but comes back with the second request's state (and verifier).
        var response = await CallbackAsync(new()
        {
            ["code"] = factory.Google.Consent(first, "mixup@gmail.test"),
            ["state"] = QueryHelpers.ParseQuery(second.Query)["state"],
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("https://app.novapulse.test/settings/integrations?error=invalid_grant&provider=google", response.Headers.Location!.ToString());
        Assert.Equal(failuresBefore + 1, factory.Google.PkceFailures);
        Assert.Null(await tenant.Owner.IntegrationAsync("google"));
    }

    [Fact]
    public async Task Access_denied_on_the_consent_screen_redirects_with_the_error_and_stores_nothing()
    {
        var tenant = await factory.RegisterAsync();
        var authorization = await StartAsync(tenant);

        var response = await CallbackAsync(new() { ["error"] = "access_denied", ["state"] = QueryHelpers.ParseQuery(authorization.Query)["state"] });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("https://app.novapulse.test/settings/integrations?error=access_denied&provider=google", response.Headers.Location!.ToString());
        Assert.Null(await tenant.Owner.IntegrationAsync("google"));
    }

    [Fact]
    public async Task An_expired_access_token_is_refreshed_and_a_revoked_grant_disconnects()
    {
        var tenant = await factory.RegisterAsync();
        await ConnectAsync(tenant, "refresh@gmail.test");
        var fresh = await tenant.Owner.PostJsonAsync("/api/v1/integrations/google/test");
        var refreshesBefore = factory.Google.Refreshes;

        // Google's access tokens live an hour.
        factory.Clock.Advance(TimeSpan.FromMinutes(61));
        var owner = await SignInAgainAsync(tenant);
        var refreshed = await owner.PostJsonAsync("/api/v1/integrations/google/test");
        factory.Clock.Advance(TimeSpan.FromMinutes(61));
        owner = await SignInAgainAsync(tenant);
        factory.Google.RevokeAll();
        var revoked = await owner.PostJsonAsync("/api/v1/integrations/google/test");

        Assert.True(fresh["succeeded"]!.GetValue<bool>(), fresh.ToJsonString());
        Assert.True(refreshed["succeeded"]!.GetValue<bool>(), refreshed.ToJsonString());
        Assert.Equal(refreshesBefore + 2, factory.Google.Refreshes);
        Assert.False(revoked["succeeded"]!.GetValue<bool>());
        Assert.Equal("disconnected", revoked["status"]!.GetValue<string>());
        Assert.Contains("invalid_grant", (await owner.IntegrationAsync("google"))!["lastError"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_the_google_integration_revokes_the_grant()
    {
        var tenant = await factory.RegisterAsync();
        var email = $"bye-{Guid.NewGuid():N}@gmail.test";
        await ConnectAsync(tenant, email);
        var refreshToken = factory.Google.LiveRefreshTokens.Single(t => IsTokenOf(t, email));
        var id = (await tenant.Owner.IntegrationAsync("google"))!["id"]!.GetValue<string>();

        var response = await tenant.Owner.DeleteAsync($"/api/v1/integrations/{id}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Contains(refreshToken, factory.Google.RevokedTokens);
        Assert.Null(await tenant.Owner.IntegrationAsync("google"));
    }

    [Fact]
    public async Task A_member_cannot_start_the_flow()
    {
        var tenant = await factory.RegisterAsync();
        var (member, _) = await tenant.AddMemberAsync("member");

        var response = await member.GetAsync("/api/v1/integrations/oauth/google/start");

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    private bool IsTokenOf(string refreshToken, string email) => factory.Google.EmailOf(refreshToken) == email;

    private async Task ConnectAsync(Tenant tenant, string email)
    {
        var authorization = await StartAsync(tenant);
        var response = await CallbackAsync(new()
        {
            ["code"] = factory.Google.Consent(authorization, email),
            ["state"] = QueryHelpers.ParseQuery(authorization.Query)["state"],
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static async Task<Uri> StartAsync(Tenant tenant)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/integrations/oauth/google/start");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var response = await tenant.Owner.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new Uri((await response.ReadJsonAsync())["url"]!.GetValue<string>());
    }

    /// <summary>The browser coming back from Google: no bearer token, redirects not followed.</summary>
    private async Task<HttpResponseMessage> CallbackAsync(Dictionary<string, Microsoft.Extensions.Primitives.StringValues> query)
    {
        using var browser = factory.CreateClient(new() { AllowAutoRedirect = false });
        return await browser.GetAsync(QueryHelpers.AddQueryString(CallbackPath, query.ToDictionary(p => p.Key, p => (string?)p.Value.ToString())));
    }

    /// <summary>After the clock jumps the Owner's 15-minute access token has expired: sign in again.</summary>
    private async Task<HttpClient> SignInAgainAsync(Tenant tenant)
    {
        var login = await factory.Anonymous().PostAsJsonAsync("/api/v1/auth/login", new { email = tenant.OwnerEmail, password = Tenant.Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        return factory.WithBearer((await login.ReadJsonAsync())["accessToken"]!.GetValue<string>());
    }
}
