using Mediator;
using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Uploads.Common;
using NovaPulse.Domain.Uploads;

namespace NovaPulse.Application.Uploads.Complete;

public sealed class PutUploadContentCommandHandler(
    IAppDbContext db, IUploadUrlSigner signer, StorageQuota quota, UploadContent uploads, UploadUrls urls, TimeProvider clock)
    : ICommandHandler<PutUploadContentCommand, UploadDto>
{
    public async ValueTask<UploadDto> Handle(PutUploadContentCommand command, CancellationToken cancellationToken)
    {
        if (command.Expires is not { } expires || expires < clock.GetUtcNow().ToUnixTimeSeconds()
            || !signer.IsValid("PUT", command.Id, UploadUrls.Original, expires, command.Signature))
        {
            throw AppException.InvalidSignature("The signed upload URL is invalid or has expired.");
        }

        // The signature names the upload, so the row is looked up across companies (there is no principal).
        var upload = await db.Uploads.IgnoreQueryFilters().SingleOrDefaultAsync(u => u.Id == command.Id && u.DeletedAt == null, cancellationToken)
            ?? throw AppException.NotFound("Upload", command.Id);
        if (upload.Status != UploadStatus.Pending)
        {
            throw AppException.Conflict("This upload is already complete; request a new signed URL to upload another file.");
        }

        var limits = await quota.EnsureRoomAsync(upload.CompanyId, null, upload.Id, cancellationToken);
        var maxBytes = Math.Min(limits.MaxUploadBytes, upload.Size);
        var content = await uploads.StoreAsync(upload, command.Content, command.ContentType ?? upload.ContentType, maxBytes, limits, cancellationToken);
        upload.Complete(content, clock.GetUtcNow());
        await uploads.CommitAsync(upload, content, limits, cancellationToken);
        return urls.ToDto(upload);
    }
}
