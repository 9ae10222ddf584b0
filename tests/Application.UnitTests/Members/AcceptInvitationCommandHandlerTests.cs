using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using NovaPulse.Application.Auth.Common;
using NovaPulse.Application.Billing.Common;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Members.AcceptInvitation;
using NovaPulse.Application.Members.Invite;
using NovaPulse.Domain.Common;

namespace NovaPulse.Application.UnitTests.Members;

public sealed class AcceptInvitationCommandHandlerTests : IDisposable
{
    private const string Password = "correct-horse-1";

    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private async Task<InvitationResponse> InviteAsync(TestTenant tenant, string email, Role role = Role.Member)
    {
        _database.CurrentUser.SignInAs(tenant.Owner);
        await using var context = _database.NewContext();
        var guard = new PlanLimitGuard(context, new PlanCatalog(new TestOptions<BillingOptions>(new BillingOptions())), _database.Clock);
        var invitation = await new InviteMemberCommandHandler(context, _database.CurrentUser, guard, TestAuth.Settings, _database.Clock)
            .Handle(new InviteMemberCommand(email, role), CancellationToken.None);
        // The invitee redeems the token without an account: nobody is signed in.
        _database.CurrentUser.SignOut();
        return invitation;
    }

    private async Task<AuthResponse> AcceptAsync(string token, string name = "Linus")
    {
        await using var context = _database.NewContext();
        var handler = new AcceptInvitationCommandHandler(context, TestAuth.PasswordHasher, TestAuth.TokenPairIssuer(context, _database.Clock), _database.Clock);
        return await handler.Handle(new AcceptInvitationCommand(token, name, Password), CancellationToken.None);
    }

    private async Task<int> UserCountAsync()
    {
        await using var context = _database.NewContext();
        return await context.Users.IgnoreQueryFilters().CountAsync();
    }

    [Fact]
    public async Task Accepting_makes_the_invitee_a_member_of_the_inviting_company_with_the_invited_role_and_signs_them_in()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        var invitation = await InviteAsync(acme, "linus@acme.test", Role.Admin);
        _database.Clock.Advance(TimeSpan.FromHours(1));

        var response = await AcceptAsync(invitation.Token);

        Assert.Equal(acme.Company.Id, response.Company.Id);
        Assert.Equal(Role.Admin, response.User.Role);
        Assert.Equal(acme.Company.Id.ToString(), new JsonWebToken(response.AccessToken).GetClaim("company_id").Value);
        await using var context = _database.NewContext(actingAs: new TestCurrentUser());
        var user = await context.Users.IgnoreQueryFilters().SingleAsync(u => u.Id == response.User.Id);
        Assert.Equal((acme.Company.Id, "linus@acme.test", "Linus"), (user.CompanyId, user.Email, user.Name));
        Assert.True(TestAuth.PasswordHasher.Verify(user.PasswordHash, Password));
        Assert.Equal(_database.Clock.GetUtcNow(), (await context.Invitations.IgnoreQueryFilters().SingleAsync()).AcceptedAt);
        Assert.Single(await context.RefreshTokens.IgnoreQueryFilters().Where(t => t.UserId == user.Id).ToListAsync());
        var joined = (await context.OutboxMessages.IgnoreQueryFilters().Where(m => m.Type == "member.joined").ToListAsync())
            .Single(m => m.Payload.Contains(user.Id.ToString(), StringComparison.Ordinal));
        Assert.Equal(acme.Company.Id, joined.CompanyId);
    }

    [Fact]
    public async Task An_invitation_is_redeemed_once()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        var invitation = await InviteAsync(acme, "linus@acme.test");
        await AcceptAsync(invitation.Token);

        var error = await AppErrorAssert.ThrowsAsync(ErrorKind.NotFound, () => AcceptAsync(invitation.Token, "Mallory"));

        Assert.Equal(ErrorCodes.NotFound, error.Code);
        Assert.Equal(2, await UserCountAsync());
    }

    [Fact]
    public async Task An_expired_invitation_is_not_found_and_creates_nobody()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        var invitation = await InviteAsync(acme, "linus@acme.test");
        _database.Clock.Advance(TestAuth.Settings.Value.InvitationLifetime);

        await AppErrorAssert.ThrowsAsync(ErrorKind.NotFound, () => AcceptAsync(invitation.Token));

        Assert.Equal(1, await UserCountAsync());
    }

    [Fact]
    public async Task An_unknown_token_is_not_found()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        await InviteAsync(acme, "linus@acme.test");

        await AppErrorAssert.ThrowsAsync(ErrorKind.NotFound, () => AcceptAsync("not-a-token-we-issued"));

        Assert.Equal(1, await UserCountAsync());
    }

    [Fact]
    public async Task An_invitee_who_got_an_account_meanwhile_is_a_conflict_and_the_invitation_stays_pending()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        var globex = await TestTenant.CreateAsync(_database, "Globex");
        var first = await InviteAsync(acme, "linus@example.test");
        var second = await InviteAsync(globex, "linus@example.test");
        await AcceptAsync(first.Token);

        var error = await AppErrorAssert.ThrowsAsync(ErrorKind.Conflict, () => AcceptAsync(second.Token));

        Assert.Equal(ErrorCodes.Conflict, error.Code);
        await using var context = _database.NewContext(actingAs: new TestCurrentUser());
        Assert.Null((await context.Invitations.IgnoreQueryFilters().SingleAsync(i => i.Id == second.Id)).AcceptedAt);
        Assert.Equal(acme.Company.Id, (await context.Users.IgnoreQueryFilters().SingleAsync(u => u.Email == "linus@example.test")).CompanyId);
    }
}
