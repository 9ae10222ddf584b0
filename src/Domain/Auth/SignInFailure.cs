using NovaPulse.Domain.Common;

namespace NovaPulse.Domain.Auth;

/// <summary>
/// Failed sign-ins for one email from one client address. Keyed by the email as typed (normalised), not by an account,
/// so an unknown email is counted and locked exactly like a known one; keyed by address, so failures from one address
/// never lock out the person signing in from another. The counter is changed only by single SQL statements.
/// </summary>
public sealed class SignInFailure : Entity
{
    public const int ClientAddressMaxLength = 64;

    private SignInFailure()
    {
    }

    public string NormalizedEmail { get; private set; } = "";

    public string ClientAddress { get; private set; } = "";

    public int Failures { get; private set; }

    public DateTimeOffset? LockedUntil { get; private set; }

    public DateTimeOffset LastFailedAt { get; private set; }

    /// <summary>The first failure for this email and address.</summary>
    public static SignInFailure First(string normalizedEmail, string clientAddress, DateTimeOffset now, DateTimeOffset? lockedUntil) => new()
    {
        NormalizedEmail = normalizedEmail,
        ClientAddress = clientAddress,
        Failures = 1,
        LockedUntil = lockedUntil,
        LastFailedAt = now,
    };
}
