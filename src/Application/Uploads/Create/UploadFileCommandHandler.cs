using FluentValidation;
using Mediator;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Common.Security;
using NovaPulse.Application.Uploads.Common;
using NovaPulse.Domain.Uploads;

namespace NovaPulse.Application.Uploads.Create;

public sealed class UploadFileCommandHandler(
    IAppDbContext db,
    ICurrentUser currentUser,
    IFileStorage storage,
    StorageQuota quota,
    UploadContent uploads,
    UploadUrls urls,
    IValidator<UploadFileCommand> validator,
    TimeProvider clock)
    : ICommandHandler<UploadFileCommand, UploadDto>
{
    public async ValueTask<UploadDto> Handle(UploadFileCommand command, CancellationToken cancellationToken)
    {
        var companyId = currentUser.RequireCompanyId();
        await UploadTaskGuard.EnsureTaskAsync(db, command.TaskId, cancellationToken);
        var limits = await quota.EnsureRoomAsync(companyId, null, null, cancellationToken);

        var upload = Upload.Start(
            companyId,
            FileNameSanitizer.Sanitize(command.FileName),
            "application/octet-stream",
            UploadKind.Other,
            command.Folder,
            command.Tags,
            command.IsPublic ?? false,
            command.TaskId,
            storage.Provider,
            currentUser.UserId,
            clock.GetUtcNow());
        var content = await uploads.StoreAsync(upload, command.Content, command.ContentType, limits.MaxUploadBytes, limits, cancellationToken);
        if (command.FieldsAfterFile is { } readFields)
        {
            try
            {
                await DescribeAsync(upload, content, command, await readFields(cancellationToken), cancellationToken);
            }
            catch
            {
                await uploads.DiscardAsync(upload, content);
                throw;
            }
        }

        upload.Complete(content, clock.GetUtcNow());
        db.Uploads.Add(upload);
        await uploads.CommitAsync(upload, content, limits, cancellationToken);
        return urls.ToDto(upload);
    }

    /// <summary>Fields that followed the file part: checked like the ones before it, then applied before the row is written.</summary>
    private async Task DescribeAsync(Upload upload, StoredContent content, UploadFileCommand command, UploadFields fields, CancellationToken cancellationToken)
    {
        await validator.ValidateAndThrowAsync(
            command with { Folder = fields.Folder, Tags = fields.Tags, IsPublic = fields.IsPublic, TaskId = fields.TaskId, FieldsAfterFile = null },
            cancellationToken);
        await UploadTaskGuard.EnsureTaskAsync(db, fields.TaskId, cancellationToken);
        var isPublic = fields.IsPublic ?? false;
        if (isPublic != upload.IsPublic)
        {
            // The object was stored with the visibility known then (Cloudinary's delivery type); move it.
            await storage.SetVisibilityAsync(new StorageObject(upload.StorageKey, content.ContentType, content.Kind, upload.IsPublic), isPublic, cancellationToken);
        }

        upload.Describe(fields.Folder, fields.Tags, isPublic, fields.TaskId);
    }
}
