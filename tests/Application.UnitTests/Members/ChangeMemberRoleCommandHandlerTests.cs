using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using NovaPulse.Application.Auth.Common;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Members.ChangeRole;
using NovaPulse.Application.Members.Common;
using NovaPulse.Domain.Common;
using NovaPulse.Domain.Users;
using NovaPulse.Infrastructure.Cluster;

namespace NovaPulse.Application.UnitTests.Members;

public sealed class ChangeMemberRoleCommandHandlerTests : IDisposable
{
    private readonly TestDatabase _database = new();

    // One host's cache of current roles, shared by its requests.
    private readonly MemoryCache _cache = new(new MemoryCacheOptions());

    public void Dispose()
    {
        _cache.Dispose();
        _database.Dispose();
    }

    private async Task<MemberDto> ChangeAsync(Guid id, Role role)
    {
        await using var context = _database.NewContext();
        return await new ChangeMemberRoleCommandHandler(context, _database.CurrentUser, new CurrentRoles(context, _cache, SingleHostNotifier.Instance))
            .Handle(new ChangeMemberRoleCommand(id, role), CancellationToken.None);
    }

    private async Task<Role?> CurrentRoleAsync(User user)
    {
        await using var context = _database.NewContext();
        return await new CurrentRoles(context, _cache, SingleHostNotifier.Instance).GetAsync(user.Id, user.CompanyId, CancellationToken.None);
    }

    private async Task<Role> StoredRoleAsync(Guid userId)
    {
        await using var context = _database.NewContext(actingAs: new TestCurrentUser());
        return await context.Users.IgnoreQueryFilters().Where(u => u.Id == userId).Select(u => u.Role).SingleAsync();
    }

    [Fact]
    public async Task Promoting_stores_the_role_and_it_applies_at_once_though_the_old_one_was_cached()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        var linus = await acme.AddMemberAsync(_database, "Linus");
        _database.CurrentUser.SignInAs(acme.Owner);
        Assert.Equal(Role.Member, await CurrentRoleAsync(linus));

        var changed = await ChangeAsync(linus.Id, Role.Admin);

        Assert.Equal(Role.Admin, changed.Role);
        Assert.Equal(Role.Admin, await StoredRoleAsync(linus.Id));
        Assert.Equal(Role.Admin, await CurrentRoleAsync(linus));
    }

    [Fact]
    public async Task An_admin_cannot_grant_owner()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        var linus = await acme.AddMemberAsync(_database, "Linus");
        _database.CurrentUser.SignInAs(await acme.AddMemberAsync(_database, "Grace", Role.Admin));

        await Assert.ThrowsAsync<DomainAccessException>(() => ChangeAsync(linus.Id, Role.Owner));

        Assert.Equal(Role.Member, await StoredRoleAsync(linus.Id));
    }

    [Fact]
    public async Task An_admin_cannot_demote_an_owner()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        await acme.AddMemberAsync(_database, "Second Owner", Role.Owner);
        _database.CurrentUser.SignInAs(await acme.AddMemberAsync(_database, "Grace", Role.Admin));

        await Assert.ThrowsAsync<DomainAccessException>(() => ChangeAsync(acme.Owner.Id, Role.Member));

        Assert.Equal(Role.Owner, await StoredRoleAsync(acme.Owner.Id));
    }

    [Fact]
    public async Task A_member_cannot_change_roles()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        var linus = await acme.AddMemberAsync(_database, "Linus");
        _database.CurrentUser.SignInAs(await acme.AddMemberAsync(_database, "Grace"));

        await Assert.ThrowsAsync<DomainAccessException>(() => ChangeAsync(linus.Id, Role.Member));
    }

    [Fact]
    public async Task The_last_owner_cannot_be_demoted_but_one_of_two_can()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        _database.CurrentUser.SignInAs(acme.Owner);

        var error = await Assert.ThrowsAsync<DomainRuleException>(() => ChangeAsync(acme.Owner.Id, Role.Admin));

        Assert.Equal("last_owner", error.Code);
        Assert.Equal(Role.Owner, await StoredRoleAsync(acme.Owner.Id));
        var second = await acme.AddMemberAsync(_database, "Second Owner", Role.Owner);
        await ChangeAsync(second.Id, Role.Admin);
        Assert.Equal(Role.Admin, await StoredRoleAsync(second.Id));
    }

    [Fact]
    public async Task Owners_of_another_company_do_not_count_towards_keeping_one()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        await TestTenant.CreateAsync(_database, "Globex");
        _database.CurrentUser.SignInAs(acme.Owner);

        var error = await Assert.ThrowsAsync<DomainRuleException>(() => ChangeAsync(acme.Owner.Id, Role.Member));

        Assert.Equal("last_owner", error.Code);
    }

    [Fact]
    public async Task Another_companys_member_is_not_found_and_keeps_their_role()
    {
        var globex = await TestTenant.CreateAsync(_database, "Globex");
        var hank = await globex.AddMemberAsync(_database, "Hank");
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        _database.CurrentUser.SignInAs(acme.Owner);

        var error = await AppErrorAssert.ThrowsAsync(ErrorKind.NotFound, () => ChangeAsync(hank.Id, Role.Admin));

        Assert.Equal(ErrorCodes.NotFound, error.Code);
        Assert.Equal(Role.Member, await StoredRoleAsync(hank.Id));
    }
}
