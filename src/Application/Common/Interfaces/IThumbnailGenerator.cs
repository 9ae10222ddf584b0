namespace NovaPulse.Application.Common.Interfaces;

/// <summary>Makes bounded thumbnails of images (SkiaSharp) for storages that cannot transform images by URL.</summary>
public interface IThumbnailGenerator
{
    /// <summary>The thumbnail's content type (what <see cref="TryCreateAsync"/> writes).</summary>
    string ContentType { get; }

    /// <summary>
    /// Writes a thumbnail no larger than the configured size to <paramref name="destination"/> and returns the original's
    /// size; writes nothing for images too large to decode safely; null when the image cannot be decoded.
    /// </summary>
    Task<ImageDimensions?> TryCreateAsync(Stream source, Stream destination, CancellationToken cancellationToken);
}

/// <summary>The original image's size in pixels.</summary>
public sealed record ImageDimensions(int Width, int Height);
