using Microsoft.AspNetCore.Identity;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Domain.Users;

namespace NovaPulse.Infrastructure.Identity;

/// <summary>ASP.NET Core Identity's password hashing (PBKDF2, versioned format that upgrades over time).</summary>
public sealed class IdentityPasswordHasher : IPasswordHasher
{
    private readonly PasswordHasher<User> _hasher = new();

    public string Hash(string password) => _hasher.HashPassword(null!, password);

    public bool Verify(string hash, string password) =>
        !string.IsNullOrEmpty(hash) && _hasher.VerifyHashedPassword(null!, hash, password) != PasswordVerificationResult.Failed;
}
