using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using NovaPulse.Application.ApiKeys.Create;
using NovaPulse.Application.Auth.Common;
using NovaPulse.Application.Billing.Common;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Members.Invite;
using NovaPulse.Application.Members.Remove;
using NovaPulse.Domain.Common;
using NovaPulse.Domain.Users;
using NovaPulse.Infrastructure.Cluster;
using static NovaPulse.Application.UnitTests.TestTasks;

namespace NovaPulse.Application.UnitTests.Members;

public sealed class RemoveMemberCommandHandlerTests : IDisposable
{
    private readonly TestDatabase _database = new();

    // One host's cache of current roles, shared by its requests.
    private readonly MemoryCache _cache = new(new MemoryCacheOptions());

    public void Dispose()
    {
        _cache.Dispose();
        _database.Dispose();
    }

    private async Task RemoveAsync(Guid id)
    {
        await using var context = _database.NewContext();
        await new RemoveMemberCommandHandler(context, _database.CurrentUser, _database.Clock, new CurrentRoles(context, _cache, SingleHostNotifier.Instance))
            .Handle(new RemoveMemberCommand(id), CancellationToken.None);
    }

    private async Task<Role?> CurrentRoleAsync(User user)
    {
        await using var context = _database.NewContext();
        return await new CurrentRoles(context, _cache, SingleHostNotifier.Instance).GetAsync(user.Id, user.CompanyId, CancellationToken.None);
    }

    private async Task<bool> ExistsAsync(Guid userId)
    {
        await using var context = _database.NewContext(actingAs: new TestCurrentUser());
        return await context.Users.IgnoreQueryFilters().AnyAsync(u => u.Id == userId);
    }

    /// <summary>What Grace, an Admin, leaves behind: an API key, a sign-in, a pending invitation and an assigned task.</summary>
    private async Task LeaveTracesAsync(TestTenant acme, User grace)
    {
        _database.CurrentUser.SignInAs(grace);
        await using (var context = _database.NewContext())
        {
            await new CreateApiKeyCommandHandler(context, _database.CurrentUser, _database.Clock)
                .Handle(new CreateApiKeyCommand("Grace's CI", Role.Member), CancellationToken.None);
            TestAuth.TokenPairIssuer(context, _database.Clock).Issue(grace);
            await context.SaveChangesAsync();
        }

        await using (var context = _database.NewContext())
        {
            var guard = new PlanLimitGuard(context, new PlanCatalog(new TestOptions<BillingOptions>(new BillingOptions())), _database.Clock);
            await new InviteMemberCommandHandler(context, _database.CurrentUser, guard, TestAuth.Settings, _database.Clock)
                .Handle(new InviteMemberCommand("friend@acme.test", Role.Member), CancellationToken.None);
        }

        await _database.CreateTaskAsync(NewTask("Grace's task", assigneeId: grace.Id));
        _database.CurrentUser.SignInAs(acme.Owner);
    }

    [Fact]
    public async Task Removing_a_member_ends_their_access_and_what_they_left_behind_and_writes_member_removed()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        var grace = await acme.AddMemberAsync(_database, "Grace", Role.Admin);
        await LeaveTracesAsync(acme, grace);
        Assert.Equal(Role.Admin, await CurrentRoleAsync(grace));
        _database.Clock.Advance(TimeSpan.FromMinutes(1));

        await RemoveAsync(grace.Id);

        Assert.False(await ExistsAsync(grace.Id));
        Assert.Null(await CurrentRoleAsync(grace));
        await using var context = _database.NewContext();
        Assert.Equal(_database.Clock.GetUtcNow(), (await context.ApiKeys.SingleAsync()).RevokedAt);
        Assert.False(await context.RefreshTokens.IgnoreQueryFilters().AnyAsync(t => t.UserId == grace.Id));
        Assert.False(await context.Invitations.AnyAsync());
        Assert.Null((await context.Tasks.SingleAsync()).AssigneeId);
        var removed = await context.OutboxMessages.SingleAsync(m => m.Type == "member.removed");
        Assert.Contains(grace.Id.ToString(), removed.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_cannot_remove_an_owner()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        await acme.AddMemberAsync(_database, "Second Owner", Role.Owner);
        _database.CurrentUser.SignInAs(await acme.AddMemberAsync(_database, "Grace", Role.Admin));

        await Assert.ThrowsAsync<DomainAccessException>(() => RemoveAsync(acme.Owner.Id));

        Assert.True(await ExistsAsync(acme.Owner.Id));
    }

    [Fact]
    public async Task A_member_cannot_remove_anyone()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        var linus = await acme.AddMemberAsync(_database, "Linus");
        _database.CurrentUser.SignInAs(await acme.AddMemberAsync(_database, "Grace"));

        await Assert.ThrowsAsync<DomainAccessException>(() => RemoveAsync(linus.Id));

        Assert.True(await ExistsAsync(linus.Id));
    }

    [Fact]
    public async Task The_last_owner_cannot_be_removed_but_one_of_two_can()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        _database.CurrentUser.SignInAs(acme.Owner);

        var error = await Assert.ThrowsAsync<DomainRuleException>(() => RemoveAsync(acme.Owner.Id));

        Assert.Equal("last_owner", error.Code);
        Assert.True(await ExistsAsync(acme.Owner.Id));
        var second = await acme.AddMemberAsync(_database, "Second Owner", Role.Owner);
        await RemoveAsync(second.Id);
        Assert.False(await ExistsAsync(second.Id));
    }

    [Fact]
    public async Task Another_companys_member_is_not_found_and_keeps_everything()
    {
        var globex = await TestTenant.CreateAsync(_database, "Globex");
        var hank = await globex.AddMemberAsync(_database, "Hank", Role.Admin);
        await LeaveTracesAsync(globex, hank);
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        _database.CurrentUser.SignInAs(acme.Owner);

        var error = await AppErrorAssert.ThrowsAsync(ErrorKind.NotFound, () => RemoveAsync(hank.Id));

        Assert.Equal(ErrorCodes.NotFound, error.Code);
        Assert.True(await ExistsAsync(hank.Id));
        await using var context = _database.NewContext(actingAs: new TestCurrentUser());
        Assert.Null((await context.ApiKeys.IgnoreQueryFilters().SingleAsync()).RevokedAt);
        Assert.True(await context.RefreshTokens.IgnoreQueryFilters().AnyAsync(t => t.UserId == hank.Id));
        Assert.True(await context.Invitations.IgnoreQueryFilters().AnyAsync());
        Assert.Equal(hank.Id, (await context.Tasks.IgnoreQueryFilters().SingleAsync()).AssigneeId);
    }
}
