namespace NovaPulse.Domain.Common;

/// <summary>Member roles, ordered by power: Owner &gt; Admin &gt; Member.</summary>
public enum Role
{
    Member = 1,
    Admin = 2,
    Owner = 3,
}
