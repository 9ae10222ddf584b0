using FluentValidation;
using FluentValidation.Results;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Domain.Uploads;

namespace NovaPulse.Application.Uploads.Common;

/// <summary>
/// An upload's bytes (multipart upload and signed PUT): what may be stored (the sniffer's allow-list, the size limit),
/// handed to <see cref="IFileStorage"/> which streams and measures them, and the thumbnail for images.
/// </summary>
public sealed class UploadContent(IFileStorage storage, IThumbnailGenerator thumbnails, StorageQuota quota)
{
    /// <summary>Streams <paramref name="body"/> into storage under the upload's key, at most <paramref name="maxBytes"/>.</summary>
    public async Task<StoredContent> StoreAsync(
        Upload upload, Stream body, string? declaredContentType, long maxBytes, UploadLimits limits, CancellationToken cancellationToken)
    {
        var stored = await storage.StoreUploadAsync(upload.StorageKey, upload.IsPublic, body, PolicyFor(upload, declaredContentType, maxBytes), cancellationToken);
        try
        {
            // An early refusal before the thumbnail is made; CommitAsync decides under the company's lock.
            await quota.EnsureFitsAsync(upload, stored.Size, limits, cancellationToken);
            var (width, height, thumbnailKey) = (stored.Width, stored.Height, (string?)null);
            if (stored.Target.Kind == UploadKind.Image && !storage.TransformsImages)
            {
                (width, height, thumbnailKey) = await CreateThumbnailAsync(upload, cancellationToken);
            }

            return new StoredContent(stored.Target.ContentType, stored.Target.Kind, stored.Size, stored.Checksum, width, height, thumbnailKey);
        }
        catch
        {
            await storage.DeleteAsync(stored.Target, CancellationToken.None);
            throw;
        }
    }

    /// <summary>
    /// Saves the completed <paramref name="upload"/> within the company's quota (<see cref="StorageQuota.SaveWithinAsync"/>);
    /// a refused or failed save deletes the stored object and its thumbnail.
    /// </summary>
    public async Task CommitAsync(Upload upload, StoredContent content, UploadLimits limits, CancellationToken cancellationToken)
    {
        try
        {
            await quota.SaveWithinAsync(upload, content.Size, limits, cancellationToken);
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
    private static string ThumbnailKeyOf(string key) => key + ".thumb";

    /// <summary>Empty files are refused (400), and anything the sniffer does not allow (415), before a byte is stored.</summary>
    private static UploadPolicy PolicyFor(Upload upload, string? declaredContentType, long maxBytes) =>
        new(maxBytes, FileTypeSniffer.HeaderLength, header =>
        {
            if (header.IsEmpty)
            {
                throw new ValidationException([new ValidationFailure("file", "The file is empty.")]);
            }

            var sniffed = FileTypeSniffer.Sniff(header.Span, declaredContentType, upload.Name);
            return sniffed.Allowed ? new UploadContentType(sniffed.ContentType, sniffed.Kind) : throw AppException.UnsupportedMediaType(sniffed.Reason!);
        });

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
}
