using NovaPulse.Domain.Common;

namespace NovaPulse.Domain.Auth;

/// <summary>
/// A single-use refresh token (stored as a hash). Rotation links tokens into a family; presenting a spent token
/// is treated as theft and revokes the whole family.
/// </summary>
public sealed class RefreshToken : Entity, ITenantOwned
{
    private RefreshToken()
    {
    }

    public Guid CompanyId { get; private set; }

    public Guid UserId { get; private set; }

    public Guid FamilyId { get; private set; }

    [Sensitive]
    public string TokenHash { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? UsedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public static RefreshToken Issue(Guid companyId, Guid userId, Guid familyId, string tokenHash, DateTimeOffset now, TimeSpan lifetime) => new()
    {
        CompanyId = companyId,
        UserId = userId,
        FamilyId = familyId,
        TokenHash = tokenHash,
        CreatedAt = now,
        ExpiresAt = now + lifetime,
    };

    public bool IsActive(DateTimeOffset now) => UsedAt is null && RevokedAt is null && ExpiresAt > now;

    public void MarkUsed(DateTimeOffset now) => UsedAt = now;

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}
