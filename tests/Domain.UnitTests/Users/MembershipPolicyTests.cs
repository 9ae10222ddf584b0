using NovaPulse.Domain.Common;
using NovaPulse.Domain.Users;

namespace NovaPulse.Domain.UnitTests.Users;

public sealed class MembershipPolicyTests
{
    private static User Member(Role role) =>
        User.Create(Guid.CreateVersion7(), $"{Guid.NewGuid():N}@example.com", "Someone", role, DateTimeOffset.UnixEpoch);

    [Theory]
    [InlineData(Role.Owner, Role.Owner, true)]
    [InlineData(Role.Owner, Role.Admin, true)]
    [InlineData(Role.Owner, Role.Member, true)]
    [InlineData(Role.Admin, Role.Owner, false)]
    [InlineData(Role.Admin, Role.Admin, true)]
    [InlineData(Role.Admin, Role.Member, true)]
    [InlineData(Role.Member, Role.Member, false)]
    [InlineData(Role.Member, Role.Admin, false)]
    public void An_actor_may_grant_roles_up_to_their_own_and_only_from_admin_up(Role actor, Role granted, bool allowed)
    {
        Assert.Equal(allowed, MembershipPolicy.CanGrant(actor, granted));
    }

    [Fact]
    public void The_last_owner_cannot_be_demoted()
    {
        var ex = Assert.Throws<DomainRuleException>(() => MembershipPolicy.EnsureCanChangeRole(Role.Owner, Member(Role.Owner), Role.Admin, ownerCount: 1));

        Assert.Equal("last_owner", ex.Code);
    }

    [Fact]
    public void An_owner_can_be_demoted_when_another_owner_remains()
    {
        var exception = Record.Exception(() => MembershipPolicy.EnsureCanChangeRole(Role.Owner, Member(Role.Owner), Role.Admin, ownerCount: 2));

        Assert.Null(exception);
    }

    [Fact]
    public void The_last_owner_cannot_be_removed()
    {
        var ex = Assert.Throws<DomainRuleException>(() => MembershipPolicy.EnsureCanRemove(Role.Owner, Member(Role.Owner), ownerCount: 1));

        Assert.Equal("last_owner", ex.Code);
    }

    [Fact]
    public void An_owner_can_be_removed_when_another_owner_remains()
    {
        Assert.Null(Record.Exception(() => MembershipPolicy.EnsureCanRemove(Role.Owner, Member(Role.Owner), ownerCount: 2)));
    }

    [Fact]
    public void An_admin_cannot_change_an_owners_role()
    {
        Assert.Throws<DomainAccessException>(() => MembershipPolicy.EnsureCanChangeRole(Role.Admin, Member(Role.Owner), Role.Member, ownerCount: 2));
    }

    [Fact]
    public void An_admin_cannot_remove_an_owner()
    {
        Assert.Throws<DomainAccessException>(() => MembershipPolicy.EnsureCanRemove(Role.Admin, Member(Role.Owner), ownerCount: 2));
    }

    [Fact]
    public void An_admin_cannot_promote_anyone_to_owner()
    {
        Assert.Throws<DomainAccessException>(() => MembershipPolicy.EnsureCanChangeRole(Role.Admin, Member(Role.Member), Role.Owner, ownerCount: 1));
    }

    [Fact]
    public void An_admin_can_manage_members_and_admins()
    {
        Assert.Null(Record.Exception(() => MembershipPolicy.EnsureCanChangeRole(Role.Admin, Member(Role.Member), Role.Admin, ownerCount: 1)));
        Assert.Null(Record.Exception(() => MembershipPolicy.EnsureCanChangeRole(Role.Admin, Member(Role.Admin), Role.Member, ownerCount: 1)));
        Assert.Null(Record.Exception(() => MembershipPolicy.EnsureCanRemove(Role.Admin, Member(Role.Member), ownerCount: 1)));
    }

    [Fact]
    public void A_member_cannot_change_anyones_role()
    {
        Assert.Throws<DomainAccessException>(() => MembershipPolicy.EnsureCanChangeRole(Role.Member, Member(Role.Member), Role.Member, ownerCount: 1));
    }

    [Fact]
    public void A_member_cannot_remove_anyone()
    {
        Assert.Throws<DomainAccessException>(() => MembershipPolicy.EnsureCanRemove(Role.Member, Member(Role.Member), ownerCount: 1));
    }

    [Fact]
    public void An_owner_can_promote_a_member_to_owner()
    {
        Assert.Null(Record.Exception(() => MembershipPolicy.EnsureCanChangeRole(Role.Owner, Member(Role.Member), Role.Owner, ownerCount: 1)));
    }
}
