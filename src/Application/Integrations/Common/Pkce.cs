using System.Security.Cryptography;
using System.Text;
using NovaPulse.Application.Common.Security;

namespace NovaPulse.Application.Integrations.Common;

/// <summary>RFC 7636 PKCE with the S256 method: a random verifier and its base64url SHA-256 challenge.</summary>
public static class Pkce
{
    public const string Method = "S256";

    /// <summary>43 characters from 32 random bytes (the RFC allows 43 to 128).</summary>
    public static string NewVerifier() => Secrets.NewToken(32);

    public static string ChallengeFor(string verifier) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
