using NovaPulse.Domain.Common;

namespace NovaPulse.Domain.ApiKeys;

/// <summary>A long-lived credential for SDK/CLI use. Only its SHA-256 hash is stored; the key is shown once.</summary>
public sealed class ApiKey : Entity, ITenantOwned, IAuditable
{
    public const string Prefix = "np_";
    public const int NameMaxLength = 100;

    private ApiKey()
    {
    }

    public Guid CompanyId { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>First characters of the key, safe to display so people can tell keys apart.</summary>
    public string Hint { get; private set; } = "";

    [Sensitive]
    public string KeyHash { get; private set; } = "";

    public Role Role { get; private set; }

    public Guid CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? LastUsedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public static ApiKey Create(Guid companyId, string name, string hint, string keyHash, Role role, Guid createdBy, DateTimeOffset now) => new()
    {
        CompanyId = companyId,
        Name = name.Trim(),
        Hint = hint,
        KeyHash = keyHash,
        Role = role,
        CreatedBy = createdBy,
        CreatedAt = now,
    };

    public bool IsActive => RevokedAt is null;

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    public void Touch(DateTimeOffset now) => LastUsedAt = now;
}
