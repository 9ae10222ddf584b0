using NovaPulse.Domain.Common;
using NovaPulse.Domain.Invitations;

namespace NovaPulse.Domain.UnitTests.Invitations;

public sealed class InvitationTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    private static Invitation NewInvitation() =>
        Invitation.Create(Guid.CreateVersion7(), " Grace@Example.com ", Role.Admin, "hash", Guid.CreateVersion7(), Now, Lifetime);

    [Fact]
    public void A_new_invitation_is_pending_until_it_expires()
    {
        var invitation = NewInvitation();

        Assert.Equal(Now + Lifetime, invitation.ExpiresAt);
        Assert.True(invitation.IsPending(Now));
        Assert.True(invitation.IsPending(Now + Lifetime - TimeSpan.FromSeconds(1)));
        Assert.False(invitation.IsPending(Now + Lifetime));
    }

    [Fact]
    public void The_email_is_trimmed_and_normalized()
    {
        var invitation = NewInvitation();

        Assert.Equal("Grace@Example.com", invitation.Email);
        Assert.Equal("GRACE@EXAMPLE.COM", invitation.NormalizedEmail);
    }

    [Fact]
    public void Accepting_records_when_and_ends_the_pending_state()
    {
        var invitation = NewInvitation();

        invitation.Accept(Now.AddHours(1));

        Assert.Equal(Now.AddHours(1), invitation.AcceptedAt);
        Assert.False(invitation.IsPending(Now.AddHours(2)));
    }

    [Fact]
    public void An_invitation_can_be_accepted_only_once()
    {
        var invitation = NewInvitation();
        invitation.Accept(Now.AddHours(1));

        var ex = Assert.Throws<DomainRuleException>(() => invitation.Accept(Now.AddHours(2)));

        Assert.Equal("invitation_not_pending", ex.Code);
        Assert.Equal(Now.AddHours(1), invitation.AcceptedAt);
    }

    [Fact]
    public void An_expired_invitation_cannot_be_accepted()
    {
        var invitation = NewInvitation();

        var ex = Assert.Throws<DomainRuleException>(() => invitation.Accept(Now + Lifetime));

        Assert.Equal("invitation_not_pending", ex.Code);
        Assert.Null(invitation.AcceptedAt);
    }
}
