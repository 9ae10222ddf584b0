using Mediator;
using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Uploads.Common;
using NovaPulse.Domain.Common;

namespace NovaPulse.Application.Uploads.Update;

public sealed class UpdateUploadCommandHandler(IAppDbContext db, UploadUrls urls, TimeProvider clock) : ICommandHandler<UpdateUploadCommand, UploadDto>
{
    public async ValueTask<UploadDto> Handle(UpdateUploadCommand command, CancellationToken cancellationToken)
    {
        var upload = await db.Uploads.SingleOrDefaultAsync(u => u.Id == command.Id, cancellationToken)
            ?? throw AppException.NotFound("Upload", command.Id);
        if (command.ExpectedVersion is { } expected && expected != upload.Version)
        {
            throw AppException.PreconditionFailed($"The upload was changed by someone else (current version {upload.Version}); reload it and retry.");
        }

        var name = command.Name.HasValue ? Optional<string?>.Of(FileNameSanitizer.Sanitize(command.Name.Value)) : command.Name;
        if (name.Value is { } newName && FileTypeSniffer.CheckName(upload.ContentType, newName) is { Allowed: false } refused)
        {
            // The rules the upload passed: a rename must not turn photo.png into photo.exe or photo.pdf.
            throw AppException.UnsupportedMediaType(refused.Reason!);
        }

        if (command.TaskId.HasValue)
        {
            await UploadTaskGuard.EnsureTaskAsync(db, command.TaskId.Value, cancellationToken);
        }

        upload.Update(name, command.Folder, command.Tags, command.TaskId,
            clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return urls.ToDto(upload);
    }
}
