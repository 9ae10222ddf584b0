using Microsoft.Extensions.Options;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Common.Options;
using NovaPulse.Domain.Uploads;

namespace NovaPulse.Application.Uploads.Common;

/// <summary>
/// Builds the URLs an upload is shown with: the storage's own delivery URL where it has one (Cloudinary), else the
/// API's content endpoint, plain for public files and HMAC-signed with an expiry for private ones.
/// </summary>
public sealed class UploadUrls(IFileStorage storage, IUploadUrlSigner signer, IOptions<UploadSettings> settings, TimeProvider clock)
{
    public const string Original = "original";
    public const string Thumbnail = "thumbnail";

    public UploadDto ToDto(Upload upload)
    {
        var ready = upload.Status == UploadStatus.Ready;
        var hasThumbnail = ready && upload.Kind == UploadKind.Image && (upload.ThumbnailKey is not null || storage.TransformsImages);
        return new UploadDto(
            upload.Id,
            upload.Name,
            upload.ContentType,
            upload.Size,
            upload.Kind,
            upload.Status,
            upload.Folder,
            upload.Tags,
            upload.IsPublic,
            upload.TaskId,
            ready ? Url(upload, thumbnail: false) : null,
            hasThumbnail ? Url(upload, thumbnail: true) : null,
            upload.Width,
            upload.Height,
            upload.Checksum,
            upload.CreatedAt,
            upload.CreatedBy,
            upload.UpdatedAt,
            upload.Version);
    }

    public string Url(Upload upload, bool thumbnail)
    {
        var expiresAt = clock.GetUtcNow().Add(settings.Value.SignedUrlLifetime);
        if (upload.StorageProvider == storage.Provider
            && storage.GetDeliveryUrl(StorageObjectOf(upload), thumbnail, expiresAt) is { } delivery)
        {
            return delivery.ToString();
        }

        var path = $"/api/v1/uploads/{upload.Id}/content" + (thumbnail ? "?variant=thumbnail" : "");
        if (upload.IsPublic)
        {
            return path;
        }

        var expires = expiresAt.ToUnixTimeSeconds();
        var signature = signer.Sign("GET", upload.Id, thumbnail ? Thumbnail : Original, expires);
        return path + (thumbnail ? "&" : "?") + $"expires={expires}&signature={signature}";
    }

    /// <summary>The signed local target of a direct upload: <c>PUT /api/v1/uploads/{id}/content?expires=&amp;signature=</c>.</summary>
    public string SignedPutUrl(Guid uploadId, DateTimeOffset expiresAt)
    {
        var expires = expiresAt.ToUnixTimeSeconds();
        return $"/api/v1/uploads/{uploadId}/content?expires={expires}&signature={signer.Sign("PUT", uploadId, Original, expires)}";
    }

    public static StorageObject StorageObjectOf(Upload upload) => new(upload.StorageKey, upload.ContentType, upload.Kind, upload.IsPublic);
}
