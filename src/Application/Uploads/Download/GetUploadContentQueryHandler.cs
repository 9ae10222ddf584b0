using Mediator;
using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Uploads.Common;
using NovaPulse.Domain.Uploads;

namespace NovaPulse.Application.Uploads.Download;

public sealed class GetUploadContentQueryHandler(
    IAppDbContext db, ICurrentUser currentUser, IFileStorage storage, IUploadUrlSigner signer, IThumbnailGenerator thumbnails,
    UploadUrls urls, TimeProvider clock)
    : IQueryHandler<GetUploadContentQuery, UploadContent>
{
    public async ValueTask<UploadContent> Handle(GetUploadContentQuery query, CancellationToken cancellationToken)
    {
        var variant = query.Variant ?? UploadUrls.Original;
        var upload = await FindAuthorizedAsync(query, variant, cancellationToken);
        var thumbnail = variant == UploadUrls.Thumbnail;
        if (thumbnail && upload.Kind != UploadKind.Image)
        {
            throw AppException.NotFound("Thumbnail", query.Id);
        }

        var etagBase = upload.Checksum is { Length: >= 32 } checksum ? checksum[..32] : $"{upload.Id:N}";
        var etag = $"\"{etagBase}{(thumbnail ? "-t" : "")}\"";
        var inline = upload.Kind is UploadKind.Image or UploadKind.Video || upload.ContentType == "application/pdf";

        if (upload.StorageProvider == storage.Provider && storage.TransformsImages)
        {
            return new UploadContent(null, urls.Url(upload, thumbnail), upload.ContentType, upload.Name, etag, upload.UpdatedAt, inline);
        }

        var key = thumbnail ? upload.ThumbnailKey ?? throw AppException.NotFound("Thumbnail", query.Id) : upload.StorageKey;
        var stream = await storage.OpenReadAsync(key, cancellationToken) ?? throw AppException.NotFound("Upload content", query.Id);
        var name = thumbnail ? Path.GetFileNameWithoutExtension(upload.Name) + "-thumbnail.png" : upload.Name;
        return new UploadContent(stream, null, thumbnail ? thumbnails.ContentType : upload.ContentType, name, etag, upload.CreatedAt, inline);
    }

    private async Task<Upload> FindAuthorizedAsync(GetUploadContentQuery query, string variant, CancellationToken cancellationToken)
    {
        var anyCompany = db.Uploads.AsNoTracking().IgnoreQueryFilters()
            .Where(u => u.DeletedAt == null && u.Status == UploadStatus.Ready);

        if (query.Signature is not null || query.Expires is not null)
        {
            if (query.Expires is not { } expires || expires < clock.GetUtcNow().ToUnixTimeSeconds()
                || !signer.IsValid("GET", query.Id, variant, expires, query.Signature))
            {
                throw AppException.InvalidSignature("The signed URL is invalid or has expired.");
            }

            return await anyCompany.SingleOrDefaultAsync(u => u.Id == query.Id, cancellationToken)
                ?? throw AppException.NotFound("Upload", query.Id);
        }

        if (currentUser.CompanyId is not null
            && await db.Uploads.AsNoTracking().SingleOrDefaultAsync(u => u.Id == query.Id && u.Status == UploadStatus.Ready, cancellationToken) is { } own)
        {
            return own;
        }

        if (await anyCompany.SingleOrDefaultAsync(u => u.Id == query.Id && u.IsPublic, cancellationToken) is { } published)
        {
            return published;
        }

        // Private (or missing) without credentials: ask for them; a member of another company gets a 404.
        throw currentUser.CompanyId is null
            ? AppException.Unauthenticated("Authentication or a signed URL is required.")
            : AppException.NotFound("Upload", query.Id);
    }
}
