using System.Security.Cryptography;
using System.Text;

namespace NovaPulse.Application.Common.Security;

/// <summary>Random opaque tokens and their one-way hashes (refresh tokens, API keys, invitation tokens).</summary>
public static class Secrets
{
    /// <summary>A URL-safe random token with <paramref name="bytes"/> bytes of entropy.</summary>
    public static string NewToken(int bytes = 32) => Base64UrlEncode(RandomNumberGenerator.GetBytes(bytes));

    /// <summary>Lower-case hex SHA-256: enough for high-entropy secrets, which need no slow hash.</summary>
    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64UrlEncode(byte[] data) =>
        Convert.ToBase64String(data).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
