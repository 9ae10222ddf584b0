using System.Net;
using System.Net.Http.Json;
using NovaPulse.WebApi.IntegrationTests.Infrastructure;

namespace NovaPulse.WebApi.IntegrationTests;

/// <summary>A credential acts with its holder's current standing in the company, from the very next request.</summary>
[Collection(ApiCollection.Name)]
public sealed class PrivilegeFollowsThePersonTests(NovaPulseFactory factory)
{
    [Fact]
    public async Task A_demoted_admins_access_token_loses_admin_on_the_next_request()
    {
        var tenant = await factory.RegisterAsync();
        var (admin, adminId) = await tenant.AddMemberAsync("admin");
        var before = await admin.GetAsync("/api/v1/api-keys");

        await DemoteAsync(tenant, adminId);
        var after = await admin.GetAsync("/api/v1/api-keys");
        var stillAMember = await admin.GetAsync("/api/v1/tasks");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        await after.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, stillAMember.StatusCode);
    }

    [Fact]
    public async Task A_removed_members_access_token_stops_working_on_the_next_request()
    {
        var tenant = await factory.RegisterAsync();
        var (member, memberId) = await tenant.AddMemberAsync("member");
        var before = await member.GetAsync("/api/v1/tasks");

        var remove = await tenant.Owner.DeleteAsync($"/api/v1/members/{memberId}");
        var after = await member.GetAsync("/api/v1/tasks");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, remove.StatusCode);
        await after.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_admin_key_of_a_demoted_admin_acts_as_a_member()
    {
        var tenant = await factory.RegisterAsync();
        var (admin, adminId) = await tenant.AddMemberAsync("admin");
        var created = await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "deploy", role = "admin" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var key = factory.WithBearer((await created.ReadJsonAsync())["key"]!.GetValue<string>());
        var before = await key.GetAsync("/api/v1/api-keys");

        await DemoteAsync(tenant, adminId);
        var after = await key.GetAsync("/api/v1/api-keys");
        var me = await (await key.GetAsync("/api/v1/auth/me")).ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        await after.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("member", me["role"]!.GetValue<string>());
    }

    [Fact]
    public async Task Invitations_a_removed_member_sent_can_no_longer_be_accepted()
    {
        var tenant = await factory.RegisterAsync();
        var (admin, adminId) = await tenant.AddMemberAsync("admin");
        var invite = await admin.PostAsJsonAsync("/api/v1/members/invitations", new { email = $"guest-{Guid.NewGuid():N}@example.test", role = "member" });
        Assert.Equal(HttpStatusCode.Created, invite.StatusCode);
        var token = (await invite.ReadJsonAsync())["token"]!.GetValue<string>();

        await tenant.Owner.DeleteAsync($"/api/v1/members/{adminId}");
        var accept = await factory.Anonymous().PostAsJsonAsync($"/api/v1/invitations/{token}/accept", new { name = "Guest", password = Tenant.Password });

        await accept.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    private static async Task DemoteAsync(Tenant tenant, Guid memberId)
    {
        var demote = await tenant.Owner.PatchAsJsonAsync($"/api/v1/members/{memberId}", new { role = "member" });
        Assert.Equal(HttpStatusCode.OK, demote.StatusCode);
    }
}
