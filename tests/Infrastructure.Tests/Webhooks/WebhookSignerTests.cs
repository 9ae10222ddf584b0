using Microsoft.Extensions.Options;
using NovaPulse.Application.Webhooks.Common;
using NovaPulse.Infrastructure.Security;
using NovaPulse.Infrastructure.Webhooks;

namespace NovaPulse.Infrastructure.Tests.Webhooks;

public sealed class WebhookSignerTests
{
    [Fact]
    public void Signs_the_standard_webhooks_reference_example()
    {
        // The example from the Standard Webhooks specification / reference libraries.
        const string secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        const string id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
        const string body = """{"test": 2432232314}""";

        var signature = WebhookSigner.Sign(secret, id, 1614265330, body);

        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signature);
    }

    [Fact]
    public void Several_secrets_give_space_separated_signatures()
    {
        var a = WebhookSigner.NewSecret();
        var b = WebhookSigner.NewSecret();

        var header = WebhookSigner.SignatureHeader([a, b], "msg_1", 1, "{}");

        Assert.Equal([WebhookSigner.Sign(a, "msg_1", 1, "{}"), WebhookSigner.Sign(b, "msg_1", 1, "{}")], header.Split(' '));
        Assert.StartsWith("whsec_", a, StringComparison.Ordinal);
        Assert.Equal(32, Convert.FromBase64String(a["whsec_".Length..]).Length);
    }

    [Fact]
    public void Secrets_are_sealed_with_aes_gcm_under_a_key_id_and_open_after_key_rotation()
    {
        var oldKey = Convert.ToBase64String(new byte[32]);
        var newKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
        var before = new AesGcmSecretProtector(Options.Create(new SecretsOptions { EncryptionKey = oldKey }));
        var sealedValue = before.Protect("whsec_secret");
        var after = new AesGcmSecretProtector(Options.Create(new SecretsOptions { EncryptionKey = newKey, PreviousKeys = [oldKey] }));

        Assert.DoesNotContain("secret", sealedValue, StringComparison.Ordinal);
        Assert.NotEqual(sealedValue, before.Protect("whsec_secret")); // fresh nonce each time
        Assert.Equal("whsec_secret", after.Unprotect(sealedValue));
        Assert.NotEqual(sealedValue.Split(':')[0], after.Protect("x").Split(':')[0]);
    }
}
