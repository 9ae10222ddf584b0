using Mediator;
using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Uploads.Common;
using NovaPulse.Domain.Uploads;

namespace NovaPulse.Application.Uploads.Complete;

public sealed class CompleteUploadCommandHandler(IAppDbContext db, IFileStorage storage, IPlanLimits planLimits, StorageQuota quota, UploadUrls urls, TimeProvider clock)
    : ICommandHandler<CompleteUploadCommand, UploadDto>
{
    public async ValueTask<UploadDto> Handle(CompleteUploadCommand command, CancellationToken cancellationToken)
    {
        var upload = await db.Uploads.SingleOrDefaultAsync(u => u.Id == command.Id, cancellationToken)
            ?? throw AppException.NotFound("Upload", command.Id);
        if (upload.Status != UploadStatus.Pending)
        {
            return urls.ToDto(upload);
        }

        var target = UploadUrls.StorageObjectOf(upload);
        var stored = upload.StorageProvider == storage.Provider ? await storage.DescribeAsync(target, cancellationToken) : null;
        if (stored is null)
        {
            throw AppException.Conflict("No file has arrived for this upload yet; send it to the signed upload target first.");
        }

        var limits = await planLimits.GetUploadLimitsAsync(upload.CompanyId, cancellationToken);
        if (stored.Size > Math.Min(limits.MaxUploadBytes, upload.Size))
        {
            await storage.DeleteAsync(target, CancellationToken.None);
            throw AppException.TooLarge(Math.Min(limits.MaxUploadBytes, upload.Size));
        }

        var usage = await quota.UsageAsync(upload.CompanyId, upload.Id, cancellationToken);
        if (usage + stored.Size > limits.StorageQuotaBytes)
        {
            await storage.DeleteAsync(target, CancellationToken.None);
            throw StorageQuota.Exceeded(usage, limits);
        }

        upload.Complete(new StoredContent(upload.ContentType, upload.Kind, stored.Size, null, stored.Width, stored.Height, null), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return urls.ToDto(upload);
    }
}
