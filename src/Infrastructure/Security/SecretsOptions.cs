namespace NovaPulse.Infrastructure.Security;

/// <summary>
/// Section <c>Secrets</c>: the AES-256 key (base64 of 32 bytes) sealing stored secrets. Outside Production an unset key
/// is generated under the data folder. <see cref="PreviousKeys"/> still open values sealed before a key rotation.
/// </summary>
public sealed class SecretsOptions
{
    public const string SectionName = "Secrets";

    public string EncryptionKey { get; set; } = "";

    public string[] PreviousKeys { get; set; } = [];
}
