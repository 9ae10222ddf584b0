using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Billing.Common;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Common.Security;
using NovaPulse.Application.Members.Invite;
using NovaPulse.Domain.Common;
using NovaPulse.Domain.Companies;

namespace NovaPulse.Application.UnitTests.Members;

public sealed class InviteMemberCommandHandlerTests : IDisposable
{
    private readonly TestDatabase _database = new();

    private BillingOptions _billing = new();

    public void Dispose() => _database.Dispose();

    private async Task<InvitationResponse> InviteAsync(string email, Role role = Role.Member)
    {
        await using var context = _database.NewContext();
        var guard = new PlanLimitGuard(context, new PlanCatalog(new TestOptions<BillingOptions>(_billing)), _database.Clock);
        return await new InviteMemberCommandHandler(context, _database.CurrentUser, guard, TestAuth.Settings, _database.Clock)
            .Handle(new InviteMemberCommand(email, role), CancellationToken.None);
    }

    private async Task<int> InvitationCountAsync()
    {
        await using var context = _database.NewContext();
        return await context.Invitations.IgnoreQueryFilters().CountAsync();
    }

    [Fact]
    public async Task Inviting_stores_the_invitation_for_the_callers_company_with_only_the_tokens_hash()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        _database.CurrentUser.SignInAs(acme.Owner);

        var invitation = await InviteAsync(" Linus@Acme.test ", Role.Admin);

        Assert.Equal(_database.Clock.GetUtcNow() + TestAuth.Settings.Value.InvitationLifetime, invitation.ExpiresAt);
        await using var context = _database.NewContext();
        var stored = await context.Invitations.SingleAsync();
        Assert.Equal(invitation.Id, stored.Id);
        Assert.Equal(acme.Company.Id, stored.CompanyId);
        Assert.Equal(acme.Owner.Id, stored.InvitedBy);
        Assert.Equal("Linus@Acme.test", stored.Email);
        Assert.Equal("LINUS@ACME.TEST", stored.NormalizedEmail);
        Assert.Equal(Role.Admin, stored.Role);
        Assert.Equal(Secrets.Hash(invitation.Token), stored.TokenHash);
    }

    [Theory]
    [InlineData(Role.Admin, Role.Owner)]
    [InlineData(Role.Member, Role.Member)]
    public async Task Inviting_above_what_the_caller_may_grant_is_forbidden_and_stores_nothing(Role caller, Role invited)
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        _database.CurrentUser.SignInAs(await acme.AddMemberAsync(_database, "Grace", caller));

        var error = await AppErrorAssert.ThrowsAsync(ErrorKind.Forbidden, () => InviteAsync("linus@acme.test", invited));

        Assert.Equal(ErrorCodes.Forbidden, error.Code);
        Assert.Equal(0, await InvitationCountAsync());
    }

    [Fact]
    public async Task An_email_with_an_account_in_any_company_is_a_conflict()
    {
        var globex = await TestTenant.CreateAsync(_database, "Globex");
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        _database.CurrentUser.SignInAs(acme.Owner);

        var error = await AppErrorAssert.ThrowsAsync(ErrorKind.Conflict, () => InviteAsync(globex.Owner.Email.ToUpperInvariant()));

        Assert.Equal(ErrorCodes.Conflict, error.Code);
        Assert.Equal(0, await InvitationCountAsync());
    }

    [Fact]
    public async Task A_second_pending_invitation_for_the_same_email_is_a_conflict_but_an_expired_one_does_not_count()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        _database.CurrentUser.SignInAs(acme.Owner);
        await InviteAsync("linus@acme.test");

        await AppErrorAssert.ThrowsAsync(ErrorKind.Conflict, () => InviteAsync("LINUS@acme.test"));
        Assert.Equal(1, await InvitationCountAsync());

        _database.Clock.Advance(TestAuth.Settings.Value.InvitationLifetime);
        await InviteAsync("linus@acme.test");
        Assert.Equal(2, await InvitationCountAsync());
    }

    [Fact]
    public async Task Another_companys_pending_invitation_neither_blocks_nor_shows()
    {
        var globex = await TestTenant.CreateAsync(_database, "Globex");
        _database.CurrentUser.SignInAs(globex.Owner);
        await InviteAsync("linus@example.test");
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        _database.CurrentUser.SignInAs(acme.Owner);

        await InviteAsync("linus@example.test");

        await using var context = _database.NewContext(actingAs: new TestCurrentUser());
        var companies = await context.Invitations.IgnoreQueryFilters().Select(i => i.CompanyId).ToListAsync();
        Assert.Equal(2, companies.Count);
        Assert.Contains(acme.Company.Id, companies);
        Assert.Contains(globex.Company.Id, companies);
    }

    [Fact]
    public async Task Pending_invitations_hold_seats_so_the_plans_seat_limit_refuses_one_more()
    {
        _billing = new BillingOptions { Plans = [new PlanDefinition { Id = Company.FreePlanId, Name = "Free", Limits = { Seats = 2 } }] };
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        _database.CurrentUser.SignInAs(acme.Owner);
        await InviteAsync("linus@acme.test");

        var error = await AppErrorAssert.ThrowsAsync(ErrorKind.LimitReached, () => InviteAsync("grace@acme.test"));

        Assert.Equal("seat_limit_reached", error.Code);
        Assert.Contains(new KeyValuePair<string, object?>("limit", 2L), error.Details);
        Assert.Equal(1, await InvitationCountAsync());
    }
}
