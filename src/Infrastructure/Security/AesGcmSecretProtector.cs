using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using NovaPulse.Application.Common.Interfaces;

namespace NovaPulse.Infrastructure.Security;

/// <summary>
/// AES-256-GCM: <c>{keyId}:{base64(nonce | ciphertext | tag)}</c>. The key id (first 8 hex digits of the key's SHA-256)
/// picks the key on the way back, so values sealed with a previous key keep opening after a rotation.
/// </summary>
public sealed class AesGcmSecretProtector : ISecretProtector
{
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly (string Id, byte[] Key) _current;
    private readonly Dictionary<string, byte[]> _keys = new(StringComparer.Ordinal);

    public AesGcmSecretProtector(IOptions<SecretsOptions> options)
    {
        _current = Load(options.Value.EncryptionKey);
        _keys[_current.Id] = _current.Key;
        foreach (var previous in options.Value.PreviousKeys)
        {
            var (id, key) = Load(previous);
            _keys.TryAdd(id, key);
        }
    }

    public string Protect(string plaintext)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[NonceSize + plain.Length + TagSize];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_current.Key, TagSize);
        aes.Encrypt(nonce, plain, output.AsSpan(NonceSize, plain.Length), output.AsSpan(NonceSize + plain.Length), Encoding.ASCII.GetBytes(_current.Id));
        return _current.Id + ":" + Convert.ToBase64String(output);
    }

    public string Unprotect(string protectedValue)
    {
        var separator = protectedValue.IndexOf(':', StringComparison.Ordinal);
        if (separator <= 0 || !_keys.TryGetValue(protectedValue[..separator], out var key))
        {
            throw new CryptographicException("The value was sealed with an unknown key (is Secrets:PreviousKeys missing one?).");
        }

        var keyId = protectedValue[..separator];
        var data = Convert.FromBase64String(protectedValue[(separator + 1)..]);
        var length = data.Length - NonceSize - TagSize;
        var plain = new byte[length];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(data.AsSpan(0, NonceSize), data.AsSpan(NonceSize, length), data.AsSpan(NonceSize + length), plain, Encoding.ASCII.GetBytes(keyId));
        return Encoding.UTF8.GetString(plain);
    }

    public bool IsSealedWithCurrentKey(string protectedValue) =>
        protectedValue.StartsWith(_current.Id + ":", StringComparison.Ordinal);

    /// <summary>True when <paramref name="configured"/> is a usable 256-bit key (see <see cref="SecretsOptions.EncryptionKey"/>).</summary>
    public static bool IsValidKey(string? configured) => Decode(configured) is not null;

    /// <summary>Base64 of 32 bytes, else 64 hex digits, else a 32-character ASCII string used as is (the seed's key format).</summary>
    private static byte[]? Decode(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            return null;
        }

        var value = configured.Trim();
        var buffer = new byte[64];
        if (Convert.TryFromBase64String(value, buffer, out var written) && written == 32)
        {
            return buffer[..32];
        }

        if (value.Length == 64 && value.All(char.IsAsciiHexDigit))
        {
            return Convert.FromHexString(value);
        }

        return value.Length == 32 && value.All(char.IsAscii) ? Encoding.ASCII.GetBytes(value) : null;
    }

    private static (string Id, byte[] Key) Load(string configured)
    {
        var key = Decode(configured) ?? throw new CryptographicException("Not a 256-bit key.");
        return (Convert.ToHexStringLower(SHA256.HashData(key))[..8], key);
    }
}
