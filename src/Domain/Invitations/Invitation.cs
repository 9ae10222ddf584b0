using NovaPulse.Domain.Common;

namespace NovaPulse.Domain.Invitations;

/// <summary>An invitation to join a company with a role; redeemed once with its secret token (stored hashed).</summary>
public sealed class Invitation : Entity, ITenantOwned, IAuditable
{
    private Invitation()
    {
    }

    public Guid CompanyId { get; private set; }

    public string Email { get; private set; } = "";

    public string NormalizedEmail { get; private set; } = "";

    public Role Role { get; private set; }

    [Sensitive]
    public string TokenHash { get; private set; } = "";

    public Guid InvitedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? AcceptedAt { get; private set; }

    public static Invitation Create(Guid companyId, string email, Role role, string tokenHash, Guid invitedBy, DateTimeOffset now, TimeSpan lifetime) => new()
    {
        CompanyId = companyId,
        Email = email.Trim(),
        NormalizedEmail = email.Trim().ToUpperInvariant(),
        Role = role,
        TokenHash = tokenHash,
        InvitedBy = invitedBy,
        CreatedAt = now,
        ExpiresAt = now + lifetime,
    };

    public bool IsPending(DateTimeOffset now) => AcceptedAt is null && ExpiresAt > now;

    public void Accept(DateTimeOffset now)
    {
        if (!IsPending(now))
        {
            throw new DomainRuleException("invitation_not_pending", "This invitation has expired or was already used.");
        }

        AcceptedAt = now;
    }
}
