using System.Security.Cryptography;
using System.Text;

namespace NovaPulse.Infrastructure.Storage.Cloudinary;

/// <summary>
/// Cloudinary's request signature: the parameters (except <c>file</c>, <c>cloud_name</c>, <c>resource_type</c> and
/// <c>api_key</c>) sorted by name, joined as <c>key=value&amp;...</c>, the API secret appended, hashed with SHA-1 or
/// SHA-256, lower-case hex. Empty values are left out, as the SDKs do. SHA-1 is Cloudinary's protocol default (not
/// our choice of hash for secrets), hence the CA5350 suppression.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms", Justification = "Mandated by Cloudinary's signature protocol.")]
public static class CloudinarySignature
{
    private static readonly HashSet<string> Unsigned = new(StringComparer.Ordinal)
    {
        "file", "cloud_name", "resource_type", "api_key", "signature", "signature_algorithm",
    };

    public static string StringToSign(IEnumerable<KeyValuePair<string, string>> parameters) =>
        string.Join('&', parameters
            .Where(p => !Unsigned.Contains(p.Key) && !string.IsNullOrEmpty(p.Value))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={p.Value}"));

    public static string Sign(IEnumerable<KeyValuePair<string, string>> parameters, string apiSecret, string algorithm = "sha1")
    {
        var payload = Encoding.UTF8.GetBytes(StringToSign(parameters) + apiSecret);
        var hash = string.Equals(algorithm, "sha256", StringComparison.OrdinalIgnoreCase) ? SHA256.HashData(payload) : SHA1.HashData(payload);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>The <c>s--XXXXXXXX--</c> component of a signed delivery URL: 8 chars of base64url SHA-1 over <c>[transformation/]public_id</c> + secret.</summary>
    public static string DeliverySignature(string toSign, string apiSecret)
    {
        var hash = SHA1.HashData(Encoding.UTF8.GetBytes(toSign + apiSecret));
        var encoded = Convert.ToBase64String(hash).Replace('+', '-').Replace('/', '_');
        return $"s--{encoded[..8]}--";
    }
}
