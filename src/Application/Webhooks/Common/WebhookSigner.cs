using System.Security.Cryptography;
using System.Text;

namespace NovaPulse.Application.Webhooks.Common;

/// <summary>
/// Standard Webhooks signing: <c>v1,</c> + base64 HMAC-SHA256 over <c>{webhook-id}.{webhook-timestamp}.{body}</c>, keyed
/// with the base64-decoded part of a <c>whsec_</c> secret. Several signatures are space-separated.
/// </summary>
public static class WebhookSigner
{
    public const string SecretPrefix = "whsec_";
    private const int SecretBytes = 32;

    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(SecretBytes));

    public static string Sign(string secret, string messageId, long timestamp, string body)
    {
        var key = Convert.FromBase64String(secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret);
        var content = Encoding.UTF8.GetBytes($"{messageId}.{timestamp}.{body}");
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, content));
    }

    public static string SignatureHeader(IEnumerable<string> secrets, string messageId, long timestamp, string body) =>
        string.Join(' ', secrets.Select(s => Sign(s, messageId, timestamp, body)));

    /// <summary>What lists show instead of the secret: the prefix and a few characters to tell secrets apart.</summary>
    public static string Mask(string secret) => secret.Length > SecretPrefix.Length + 4 ? secret[..(SecretPrefix.Length + 4)] + "********" : "whsec_********";
}
