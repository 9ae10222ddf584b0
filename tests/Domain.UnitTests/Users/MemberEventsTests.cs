using NovaPulse.Domain.Common;
using NovaPulse.Domain.Users;

namespace NovaPulse.Domain.UnitTests.Users;

public sealed class MemberEventsTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Creating_a_user_raises_member_joined_with_id_email_name_and_role()
    {
        var companyId = Guid.CreateVersion7();

        var user = User.Create(companyId, "ada@example.com", "Ada", Role.Admin, Now);

        var joined = Assert.IsType<MemberJoined>(Assert.Single(user.DomainEvents));
        Assert.Equal(new MemberJoined(user.Id, companyId, "ada@example.com", "Ada", Role.Admin), joined);
    }

    [Fact]
    public void Removing_a_member_raises_member_removed()
    {
        var companyId = Guid.CreateVersion7();
        var user = User.Create(companyId, "ada@example.com", "Ada", Role.Member, Now);
        user.ClearDomainEvents();

        user.MarkRemoved();

        var removed = Assert.IsType<MemberRemoved>(Assert.Single(user.DomainEvents));
        Assert.Equal(new MemberRemoved(user.Id, companyId, "ada@example.com"), removed);
    }
}
