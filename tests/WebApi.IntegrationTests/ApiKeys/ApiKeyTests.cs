using System.Net;
using System.Net.Http.Json;
using NovaPulse.WebApi.IntegrationTests.Infrastructure;

namespace NovaPulse.WebApi.IntegrationTests;

[Collection(ApiCollection.Name)]
public sealed class ApiKeyTests(NovaPulseFactory factory)
{
    [Fact]
    public async Task An_api_key_is_shown_once_and_authenticates_as_bearer_or_header()
    {
        var tenant = await factory.RegisterAsync();
        var (bearerClient, key, id) = await tenant.AddApiKeyAsync();

        var viaBearer = await bearerClient.GetAsync("/api/v1/auth/me");
        var headerClient = factory.Anonymous();
        headerClient.DefaultRequestHeaders.Add("X-Api-Key", key);
        var viaHeader = await headerClient.GetAsync("/api/v1/auth/me");
        var listed = await (await tenant.Owner.GetAsync("/api/v1/api-keys")).Content.ReadAsStringAsync();

        Assert.StartsWith("np_", key, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, viaBearer.StatusCode);
        var me = await viaHeader.ReadJsonAsync();
        Assert.Equal(id.ToString(), me["apiKeyId"]!.GetValue<string>());
        Assert.Equal("member", me["role"]!.GetValue<string>());
        Assert.Contains(id.ToString(), listed, StringComparison.Ordinal);
        Assert.DoesNotContain(key, listed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revoked_key_stops_working_on_the_next_request()
    {
        var tenant = await factory.RegisterAsync();
        var (client, _, id) = await tenant.AddApiKeyAsync();
        // Used first, so the host has it cached: the revocation must evict it, not wait for the cache to expire.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/tasks")).StatusCode);

        var revoke = await tenant.Owner.DeleteAsync($"/api/v1/api-keys/{id}");
        var after = await client.GetAsync("/api/v1/tasks");

        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        await after.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_member_cannot_create_keys_and_an_admin_cannot_create_owner_keys()
    {
        var tenant = await factory.RegisterAsync();
        var (member, _) = await tenant.AddMemberAsync("member");
        var (admin, _) = await tenant.AddMemberAsync("admin");

        var byMember = await member.PostAsJsonAsync("/api/v1/api-keys", new { name = "x" });
        var ownerKeyByAdmin = await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "x", role = "owner" });

        await byMember.AssertProblemAsync(HttpStatusCode.Forbidden);
        await ownerKeyByAdmin.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Revoking_another_companys_key_is_404()
    {
        var a = await factory.RegisterAsync();
        var b = await factory.RegisterAsync();
        var (client, _, id) = await a.AddApiKeyAsync();

        var response = await b.Owner.DeleteAsync($"/api/v1/api-keys/{id}");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/auth/me")).StatusCode);
    }
}
