using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Domain.Uploads;

namespace NovaPulse.Application.Uploads.Common;

/// <summary>
/// A company's upload limits: the per-file size and the storage quota its plan allows, what it stores now, and the
/// save of a completed upload, which the quota decides under the company's lock.
/// </summary>
public sealed class StorageQuota(IAppDbContext db, IPlanLimits planLimits)
{
    /// <summary>Fails fast (413/402) before any byte is read when the announced size cannot fit.</summary>
    public async Task<UploadLimits> EnsureRoomAsync(Guid companyId, long? announcedBytes, Guid? excluding, CancellationToken cancellationToken)
    {
        var limits = await planLimits.GetUploadLimitsAsync(companyId, cancellationToken);
        if (announcedBytes > limits.MaxUploadBytes)
        {
            throw AppException.TooLarge(limits.MaxUploadBytes);
        }

        var usage = await UsageAsync(companyId, excluding, cancellationToken);
        if (usage + Math.Max(announcedBytes ?? 1, 1) > limits.StorageQuotaBytes)
        {
            throw Exceeded(usage, limits);
        }

        return limits;
    }

    /// <summary>Bytes a company stores: every upload not deleted, pending ones by their announced size.</summary>
    public Task<long> UsageAsync(Guid companyId, Guid? excluding, CancellationToken cancellationToken) =>
        db.Uploads.IgnoreQueryFilters()
            .Where(u => u.CompanyId == companyId && u.DeletedAt == null && u.Id != excluding)
            .SumAsync(u => u.Size, cancellationToken);

    /// <summary>402 unless <paramref name="size"/> more bytes for <paramref name="upload"/> still fit.</summary>
    public async Task EnsureFitsAsync(Upload upload, long size, UploadLimits limits, CancellationToken cancellationToken)
    {
        var usage = await UsageAsync(upload.CompanyId, upload.Id, cancellationToken);
        if (usage + size > limits.StorageQuotaBytes)
        {
            throw Exceeded(usage, limits);
        }
    }

    /// <summary>
    /// Saves the completed <paramref name="upload"/> (the caller has added or changed it) if the company's quota still
    /// has room for its <paramref name="size"/>, checked under the company's lock so concurrent uploads cannot together
    /// overshoot it.
    /// </summary>
    public Task SaveWithinAsync(Upload upload, long size, UploadLimits limits, CancellationToken cancellationToken) =>
        db.InCompanyLockAsync(
            upload.CompanyId,
            async () =>
            {
                await EnsureFitsAsync(upload, size, limits, cancellationToken);
                return await db.SaveChangesAsync(cancellationToken);
            },
            cancellationToken);

    /// <summary>The 402 for a full storage quota; the completion of signed uploads answers the same.</summary>
    public static AppException Exceeded(long usage, UploadLimits limits) =>
        AppException.LimitReached("storage_quota_exceeded", $"The company's storage quota of {limits.StorageQuotaBytes} bytes is used up ({usage} bytes stored).",
            usage, limits.StorageQuotaBytes, limits.StorageLiftedBy);
}
