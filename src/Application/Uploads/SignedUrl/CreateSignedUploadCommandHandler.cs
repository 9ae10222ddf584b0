using Mediator;
using Microsoft.Extensions.Options;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Common.Options;
using NovaPulse.Application.Common.Security;
using NovaPulse.Application.Uploads.Common;
using NovaPulse.Domain.Uploads;

namespace NovaPulse.Application.Uploads.SignedUrl;

public sealed class CreateSignedUploadCommandHandler(
    IAppDbContext db, ICurrentUser currentUser, IFileStorage storage, StorageQuota quota, UploadUrls urls,
    IOptions<UploadSettings> settings, TimeProvider clock)
    : ICommandHandler<CreateSignedUploadCommand, SignedUploadResponse>
{
    public async ValueTask<SignedUploadResponse> Handle(CreateSignedUploadCommand command, CancellationToken cancellationToken)
    {
        var companyId = currentUser.RequireCompanyId();
        var name = FileNameSanitizer.Sanitize(command.FileName);
        var declared = FileTypeSniffer.CheckDeclared(command.ContentType, name);
        if (!declared.Allowed)
        {
            throw AppException.UnsupportedMediaType(declared.Reason!);
        }

        await UploadTaskGuard.EnsureTaskAsync(db, command.TaskId, cancellationToken);
        var now = clock.GetUtcNow();
        var upload = Upload.CreatePending(
            companyId, name, declared.ContentType, command.Size, declared.Kind, command.Folder, command.Tags, command.IsPublic ?? false,
            command.TaskId, storage.Provider, currentUser.UserId, now);
        // The pending row reserves its announced size; checking and reserving under the company's lock keeps two
        // concurrent reservations from both fitting in the same free space.
        await db.InCompanyLockAsync(
            companyId,
            async () =>
            {
                await quota.EnsureRoomAsync(companyId, command.Size, null, cancellationToken);
                db.Uploads.Add(upload);
                return await db.SaveChangesAsync(cancellationToken);
            },
            cancellationToken);

        var expiresAt = now.Add(settings.Value.SignedUrlLifetime);
        if (storage.CreateDirectUpload(UploadUrls.StorageObjectOf(upload), expiresAt) is { } direct)
        {
            return new SignedUploadResponse(upload.Id, direct.Method, direct.Url, direct.Fields, direct.Headers, expiresAt, RequiresCompletion: true);
        }

        return new SignedUploadResponse(
            upload.Id,
            "PUT",
            urls.SignedPutUrl(upload.Id, expiresAt),
            null,
            new Dictionary<string, string> { ["Content-Type"] = declared.ContentType },
            expiresAt,
            RequiresCompletion: false);
    }
}
