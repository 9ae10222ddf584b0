namespace NovaPulse.Application.Common.Interfaces;

/// <summary>
/// HMAC signatures for the API's own upload URLs (LocalDisk): a download link for a private file, or the target of a
/// direct upload. A signature covers the method, the upload id, the variant and the expiry.
/// </summary>
public interface IUploadUrlSigner
{
    string Sign(string method, Guid uploadId, string variant, long expiresUnixSeconds);

    /// <summary>Constant-time check of a signature this signer issued.</summary>
    bool IsValid(string method, Guid uploadId, string variant, long expiresUnixSeconds, string? signature);
}
