using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Domain.Uploads;

namespace NovaPulse.Application.Uploads.Common;

/// <summary>
/// The one path bytes take into storage (multipart upload and signed PUT): plan limits, magic-byte sniffing,
/// streaming save with SHA-256 and size counting, the storage quota, and the thumbnail for images.
/// </summary>
public sealed class UploadIngestor(IAppDbContext db, IFileStorage storage, IPlanLimits planLimits, IThumbnailGenerator thumbnails)
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
            throw QuotaExceeded(usage, limits);
        }

        return limits;
    }

    /// <summary>Bytes a company stores: every upload not deleted, pending ones by their announced size.</summary>
    public Task<long> UsageAsync(Guid companyId, Guid? excluding, CancellationToken cancellationToken) =>
        db.Uploads.IgnoreQueryFilters()
            .Where(u => u.CompanyId == companyId && u.DeletedAt == null && u.Id != excluding)
            .SumAsync(u => u.Size, cancellationToken);

    /// <summary>Streams <paramref name="body"/> into storage under the upload's key and measures it.</summary>
    public async Task<StoredContent> StoreAsync(
        Upload upload, Stream body, string? declaredContentType, long maxBytes, UploadLimits limits, CancellationToken cancellationToken)
    {
        await using var inspected = await InspectedUploadStream.OpenAsync(body, maxBytes, cancellationToken);
        if (inspected.Header.IsEmpty)
        {
            throw new ValidationException([new ValidationFailure("file", "The file is empty.")]);
        }

        var sniffed = FileTypeSniffer.Sniff(inspected.Header, declaredContentType, upload.Name);
        if (!sniffed.Allowed)
        {
            throw AppException.UnsupportedMediaType(sniffed.Reason!);
        }

        var target = new StorageObject(upload.StorageKey, sniffed.ContentType, sniffed.Kind, upload.IsPublic);
        var stored = await storage.SaveAsync(target, inspected, cancellationToken);
        try
        {
            // An early refusal before the thumbnail is made; CommitAsync decides under the company's lock.
            await EnsureQuotaAsync(upload, inspected.BytesRead, limits, cancellationToken);
            var (width, height, thumbnailKey) = (stored.Width, stored.Height, (string?)null);
            if (sniffed.Kind == UploadKind.Image && !storage.TransformsImages)
            {
                (width, height, thumbnailKey) = await CreateThumbnailAsync(upload, cancellationToken);
            }

            return new StoredContent(sniffed.ContentType, sniffed.Kind, inspected.BytesRead, inspected.Checksum, width, height, thumbnailKey);
        }
        catch
        {
            await storage.DeleteAsync(target, CancellationToken.None);
            throw;
        }
    }

    /// <summary>
    /// Saves the completed <paramref name="upload"/> (the caller has added or changed it) if the company's quota still
    /// has room for it, checked under the company's lock so concurrent uploads cannot together overshoot it. A refused
    /// or failed save deletes the stored object and its thumbnail.
    /// </summary>
    public async Task CommitAsync(Upload upload, StoredContent content, UploadLimits limits, CancellationToken cancellationToken)
    {
        try
        {
            await db.InCompanyLockAsync(
                upload.CompanyId,
                async () =>
                {
                    await EnsureQuotaAsync(upload, content.Size, limits, cancellationToken);
                    return await db.SaveChangesAsync(cancellationToken);
                },
                cancellationToken);
        }
        catch
        {
            await DiscardAsync(upload, content);
            throw;
        }
    }

    /// <summary>Deletes a stored object and its thumbnail whose upload will not be saved.</summary>
    public async Task DiscardAsync(Upload upload, StoredContent content)
    {
        await storage.DeleteAsync(new StorageObject(upload.StorageKey, content.ContentType, content.Kind, upload.IsPublic), CancellationToken.None);
        if (content.ThumbnailKey is { } thumbnail)
        {
            await storage.DeleteAsync(new StorageObject(thumbnail, thumbnails.ContentType, UploadKind.Image, upload.IsPublic), CancellationToken.None);
        }
    }

    /// <summary>The thumbnail's storage key: the original's key with a suffix (never client input).</summary>
    public static string ThumbnailKeyOf(string key) => key + ".thumb";

    private async Task<(int? Width, int? Height, string? ThumbnailKey)> CreateThumbnailAsync(Upload upload, CancellationToken cancellationToken)
    {
        await using var original = await storage.OpenReadAsync(upload.StorageKey, cancellationToken);
        if (original is null)
        {
            return (null, null, null);
        }

        // A thumbnail is a few KB: buffering it is fine (the original is streamed from disk by the decoder).
        using var thumbnail = new MemoryStream();
        var dimensions = await thumbnails.TryCreateAsync(original, thumbnail, cancellationToken);
        if (dimensions is null)
        {
            return (null, null, null);
        }

        if (thumbnail.Length == 0)
        {
            return (dimensions.Width, dimensions.Height, null);
        }

        thumbnail.Position = 0;
        var key = ThumbnailKeyOf(upload.StorageKey);
        await storage.SaveAsync(new StorageObject(key, thumbnails.ContentType, UploadKind.Image, upload.IsPublic), thumbnail, cancellationToken);
        return (dimensions.Width, dimensions.Height, key);
    }

    private async Task EnsureQuotaAsync(Upload upload, long size, UploadLimits limits, CancellationToken cancellationToken)
    {
        var usage = await UsageAsync(upload.CompanyId, upload.Id, cancellationToken);
        if (usage + size > limits.StorageQuotaBytes)
        {
            throw QuotaExceeded(usage, limits);
        }
    }

    /// <summary>The 402 for a full storage quota; the completion of signed uploads answers the same.</summary>
    public static AppException QuotaExceeded(long usage, UploadLimits limits) =>
        AppException.LimitReached("storage_quota_exceeded", $"The company's storage quota of {limits.StorageQuotaBytes} bytes is used up ({usage} bytes stored).",
            usage, limits.StorageQuotaBytes, limits.StorageLiftedBy);
}
