using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using NovaPulse.Application.Common.Interfaces;

namespace NovaPulse.Infrastructure.Storage;

/// <summary>HMAC-SHA256 over <c>method\nid\nvariant\nexpires</c>, base64url; compared in constant time.</summary>
public sealed class HmacUploadUrlSigner(IOptions<StorageOptions> options) : IUploadUrlSigner
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(options.Value.SigningKey);

    public string Sign(string method, Guid uploadId, string variant, long expiresUnixSeconds) =>
        Base64UrlEncode(Mac(method, uploadId, variant, expiresUnixSeconds));

    public bool IsValid(string method, Guid uploadId, string variant, long expiresUnixSeconds, string? signature)
    {
        if (string.IsNullOrEmpty(signature) || signature.Length > 64)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(method, uploadId, variant, expiresUnixSeconds));
        var presented = Encoding.ASCII.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, presented);
    }

    private byte[] Mac(string method, Guid uploadId, string variant, long expires) =>
        HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{method}\n{uploadId:N}\n{variant}\n{expires.ToString(CultureInfo.InvariantCulture)}"));

    private static string Base64UrlEncode(byte[] data) =>
        Convert.ToBase64String(data).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
