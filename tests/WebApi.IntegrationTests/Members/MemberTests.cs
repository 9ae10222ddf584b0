using System.Net;
using System.Net.Http.Json;
using NovaPulse.WebApi.IntegrationTests.Infrastructure;

namespace NovaPulse.WebApi.IntegrationTests;

[Collection(ApiCollection.Name)]
public sealed class MemberTests(NovaPulseFactory factory)
{
    [Fact]
    public async Task An_invited_person_joins_with_the_invited_role()
    {
        var tenant = await factory.RegisterAsync();
        var (client, id) = await tenant.AddMemberAsync("admin");

        var me = await (await client.GetAsync("/api/v1/auth/me")).ReadJsonAsync();
        var members = await (await tenant.Owner.GetAsync("/api/v1/members")).ReadJsonAsync();

        Assert.Equal("admin", me["role"]!.GetValue<string>());
        Assert.Equal(tenant.CompanyId.ToString(), me["company"]!["id"]!.GetValue<string>());
        Assert.Contains(members["items"]!.AsArray(), m => m!["id"]!.GetValue<string>() == id.ToString());
    }

    [Fact]
    public async Task An_invitation_token_works_once()
    {
        var tenant = await factory.RegisterAsync();
        var invite = await (await tenant.Owner.PostAsJsonAsync("/api/v1/members/invitations", new { email = $"x-{Guid.NewGuid():N}@example.test", role = "member" })).ReadJsonAsync();
        var token = invite["token"]!.GetValue<string>();

        var first = await factory.Anonymous().PostAsJsonAsync($"/api/v1/invitations/{token}/accept", new { name = "X", password = "password-123" });
        var second = await factory.Anonymous().PostAsJsonAsync($"/api/v1/invitations/{token}/accept", new { name = "Y", password = "password-123" });
        var forged = await factory.Anonymous().PostAsJsonAsync("/api/v1/invitations/forged-token/accept", new { name = "Z", password = "password-123" });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        await second.AssertProblemAsync(HttpStatusCode.NotFound);
        await forged.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Inviting_an_existing_account_or_twice_is_a_conflict()
    {
        var a = await factory.RegisterAsync();
        var b = await factory.RegisterAsync();
        var email = $"dup-{Guid.NewGuid():N}@example.test";

        var existing = await a.Owner.PostAsJsonAsync("/api/v1/members/invitations", new { email = b.OwnerEmail, role = "member" });
        await a.Owner.PostAsJsonAsync("/api/v1/members/invitations", new { email, role = "member" });
        var twice = await a.Owner.PostAsJsonAsync("/api/v1/members/invitations", new { email, role = "member" });

        await existing.AssertProblemAsync(HttpStatusCode.Conflict);
        await twice.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Members_cannot_invite_and_admins_cannot_invite_owners()
    {
        var tenant = await factory.RegisterAsync();
        var (member, _) = await tenant.AddMemberAsync("member");
        var (admin, _) = await tenant.AddMemberAsync("admin");

        var byMember = await member.PostAsJsonAsync("/api/v1/members/invitations", new { email = "a@example.test", role = "member" });
        var ownerByAdmin = await admin.PostAsJsonAsync("/api/v1/members/invitations", new { email = "b@example.test", role = "owner" });

        await byMember.AssertProblemAsync(HttpStatusCode.Forbidden);
        await ownerByAdmin.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_last_owner_can_be_neither_demoted_nor_removed()
    {
        var tenant = await factory.RegisterAsync();

        var demote = await tenant.Owner.PatchAsJsonAsync($"/api/v1/members/{tenant.OwnerId}", new { role = "admin" });
        var remove = await tenant.Owner.DeleteAsync($"/api/v1/members/{tenant.OwnerId}");

        await demote.AssertProblemAsync(HttpStatusCode.Conflict);
        await remove.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task With_a_second_owner_the_first_may_step_down()
    {
        var tenant = await factory.RegisterAsync();
        var (_, secondId) = await tenant.AddMemberAsync("member");
        var promote = await tenant.Owner.PatchAsJsonAsync($"/api/v1/members/{secondId}", new { role = "owner" });

        var demote = await tenant.Owner.PatchAsJsonAsync($"/api/v1/members/{tenant.OwnerId}", new { role = "admin" });

        Assert.Equal(HttpStatusCode.OK, promote.StatusCode);
        Assert.Equal("admin", (await demote.ReadJsonAsync())["role"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_admin_cannot_demote_an_owner()
    {
        var tenant = await factory.RegisterAsync();
        var (admin, _) = await tenant.AddMemberAsync("admin");

        var response = await admin.PatchAsJsonAsync($"/api/v1/members/{tenant.OwnerId}", new { role = "member" });

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Removing_a_member_revokes_their_access_and_unassigns_their_tasks()
    {
        var tenant = await factory.RegisterAsync();
        var (member, memberId) = await tenant.AddMemberAsync("member");
        var task = await tenant.Owner.CreateTaskAsync(new { title = "theirs", assigneeId = memberId });

        var remove = await tenant.Owner.DeleteAsync($"/api/v1/members/{memberId}");
        var after = await (await tenant.Owner.GetAsync($"/api/v1/tasks/{task["id"]}")).ReadJsonAsync();
        var theirCall = await member.GetAsync("/api/v1/auth/me");

        Assert.Equal(HttpStatusCode.NoContent, remove.StatusCode);
        Assert.Null(after["assigneeId"]);
        await theirCall.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_unknown_role_is_400()
    {
        var tenant = await factory.RegisterAsync();

        var response = await tenant.Owner.PostAsJsonAsync("/api/v1/members/invitations", new { email = "a@example.test", role = "superuser" });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }
}
