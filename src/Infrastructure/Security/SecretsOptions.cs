namespace NovaPulse.Infrastructure.Security;

/// <summary>
/// Section <c>Secrets</c>: the AES-256 key sealing stored secrets (webhook signing secrets, integration credentials).
/// <see cref="PreviousKeys"/> still open values sealed before a rotation, until <c>secrets:rotate</c> has re-sealed them.
/// The issue-era names work too: <c>Integrations:EncryptionKeys</c> (current first, then previous ones) and
/// <c>Integrations:EncryptionKey</c> (the seed's INTEGRATION_ENCRYPTION_KEY). Outside Production an unset key is generated
/// under the data folder; in Production the host refuses to start without one.
/// </summary>
public sealed class SecretsOptions
{
    public const string SectionName = "Secrets";

    /// <summary>Base64 of 32 bytes, 64 hex digits, or a 32-character string (the seed's format, taken as its UTF-8 bytes).</summary>
    public string EncryptionKey { get; set; } = "";

    public string[] PreviousKeys { get; set; } = [];
}
