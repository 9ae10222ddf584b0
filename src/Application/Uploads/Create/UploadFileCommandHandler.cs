using Mediator;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Common.Security;
using NovaPulse.Application.Uploads.Common;
using NovaPulse.Domain.Uploads;

namespace NovaPulse.Application.Uploads.Create;

public sealed class UploadFileCommandHandler(
    IAppDbContext db, ICurrentUser currentUser, IFileStorage storage, UploadIngestor ingestor, UploadUrls urls, TimeProvider clock)
    : ICommandHandler<UploadFileCommand, UploadDto>
{
    public async ValueTask<UploadDto> Handle(UploadFileCommand command, CancellationToken cancellationToken)
    {
        var companyId = currentUser.RequireCompanyId();
        await UploadTaskGuard.EnsureTaskAsync(db, command.TaskId, cancellationToken);
        var limits = await ingestor.EnsureRoomAsync(companyId, null, null, cancellationToken);

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
        var content = await ingestor.StoreAsync(upload, command.Content, command.ContentType, limits.MaxUploadBytes, limits, cancellationToken);
        upload.Complete(content, clock.GetUtcNow());
        db.Uploads.Add(upload);
        await ingestor.CommitAsync(upload, content, limits, cancellationToken);
        return urls.ToDto(upload);
    }
}
