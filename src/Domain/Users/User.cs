using NovaPulse.Domain.Common;

namespace NovaPulse.Domain.Users;

/// <summary>A person who belongs to one company with one role.</summary>
public sealed class User : Entity, ITenantOwned, IAuditable
{
    public const int NameMaxLength = 120;
    public const int EmailMaxLength = 254;

    private User()
    {
    }

    public Guid CompanyId { get; private set; }

    public string Email { get; private set; } = "";

    /// <summary>Upper-invariant email used for unique lookups.</summary>
    public string NormalizedEmail { get; private set; } = "";

    public string Name { get; private set; } = "";

    public Role Role { get; private set; }

    [Sensitive]
    public string PasswordHash { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public static User Create(Guid companyId, string email, string name, Role role, DateTimeOffset now)
    {
        var user = new User
        {
            CompanyId = companyId,
            Email = email.Trim(),
            NormalizedEmail = Normalize(email),
            Name = name.Trim(),
            Role = role,
            CreatedAt = now,
        };
        user.Raise(new MemberJoined(user.Id, companyId, user.Email, user.Name, role));
        return user;
    }

    public static string Normalize(string email) => email.Trim().ToUpperInvariant();

    public void SetPasswordHash(string hash) => PasswordHash = hash;

    public void ChangeRole(Role role) => Role = role;

    public void MarkRemoved() => Raise(new MemberRemoved(Id, CompanyId, Email));
}
