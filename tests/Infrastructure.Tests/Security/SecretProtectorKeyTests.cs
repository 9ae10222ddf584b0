using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using NovaPulse.Infrastructure.Security;

namespace NovaPulse.Infrastructure.Tests.Security;

public sealed class SecretProtectorKeyTests
{
    private static readonly string Base64Key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    [Theory]
    [InlineData("your-32-character-encryption-key", true)] // the seed's INTEGRATION_ENCRYPTION_KEY format
    [InlineData("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", true)]
    [InlineData("short", false)]
    [InlineData("", false)]
    [InlineData("this-string-is-thirty-three-chars", false)]
    public void Accepted_key_formats(string key, bool valid) => Assert.Equal(valid, AesGcmSecretProtector.IsValidKey(key));

    [Fact]
    public void A_value_sealed_with_a_previous_key_opens_and_is_reported_for_rotation()
    {
        var old = Protector(Base64Key);
        var sealedByOld = old.Protect("smtp password");
        var rotated = Protector(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), Base64Key);

        var resealed = rotated.Protect(rotated.Unprotect(sealedByOld));

        Assert.Equal("smtp password", rotated.Unprotect(sealedByOld));
        Assert.False(rotated.IsSealedWithCurrentKey(sealedByOld));
        Assert.True(rotated.IsSealedWithCurrentKey(resealed));
        Assert.DoesNotContain("smtp password", sealedByOld, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tampered_value_does_not_open()
    {
        var protector = Protector(Base64Key);
        var value = protector.Protect("refresh-token");
        var bytes = Convert.FromBase64String(value[9..]);
        bytes[^1] ^= 1;

        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(value[..9] + Convert.ToBase64String(bytes)));
    }

    private static AesGcmSecretProtector Protector(string key, params string[] previous) =>
        new(Options.Create(new SecretsOptions { EncryptionKey = key, PreviousKeys = previous }));
}
