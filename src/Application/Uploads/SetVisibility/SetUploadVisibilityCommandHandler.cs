using Mediator;
using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Uploads.Common;
using NovaPulse.Domain.Uploads;

namespace NovaPulse.Application.Uploads.SetVisibility;

public sealed class SetUploadVisibilityCommandHandler(IAppDbContext db, IFileStorage storage, UploadUrls urls, TimeProvider clock)
    : ICommandHandler<SetUploadVisibilityCommand, UploadDto>
{
    public async ValueTask<UploadDto> Handle(SetUploadVisibilityCommand command, CancellationToken cancellationToken)
    {
        var upload = await db.Uploads.SingleOrDefaultAsync(u => u.Id == command.Id, cancellationToken)
            ?? throw AppException.NotFound("Upload", command.Id);
        if (upload.IsPublic == command.IsPublic)
        {
            return urls.ToDto(upload);
        }

        if (upload.Status == UploadStatus.Ready && upload.StorageProvider == storage.Provider)
        {
            await storage.SetVisibilityAsync(UploadUrls.StorageObjectOf(upload), command.IsPublic, cancellationToken);
        }

        upload.SetVisibility(command.IsPublic, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return urls.ToDto(upload);
    }
}
