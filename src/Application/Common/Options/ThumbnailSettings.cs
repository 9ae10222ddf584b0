using System.ComponentModel.DataAnnotations;

namespace NovaPulse.Application.Common.Options;

/// <summary>
/// Section <c>Uploads:Thumbnails</c>: what the host may spend on decoding images for thumbnails (LocalDisk storage;
/// Cloudinary makes its own).
/// </summary>
public sealed class ThumbnailSettings
{
    /// <summary>
    /// Images declaring more pixels than this (read from the header) get their size recorded but no thumbnail: decoding
    /// time grows with the pixel count whatever the memory, and a small file can declare a huge image.
    /// </summary>
    [Range(1, 200_000_000)]
    public long MaxPixels { get; set; } = 25_000_000;

    /// <summary>Decodes running at once on this host; further uploads wait for a slot (default: one per processor).</summary>
    [Range(1, 256)]
    public int MaxConcurrentDecodes { get; set; } = Environment.ProcessorCount;
}
