using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace NovaPulse.Application.Common.Options;

/// <summary>Section <c>Uploads</c>: default plan limits, URL lifetimes and the cleanup schedule.</summary>
public sealed class UploadSettings
{
    public const string SectionName = "Uploads";

    /// <summary>Largest single file (bytes) when the plan sets none; 413 beyond.</summary>
    [Range(1, long.MaxValue)]
    public long MaxUploadBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>Total bytes a company may store when the plan sets none; 402 beyond.</summary>
    [Range(1, long.MaxValue)]
    public long DefaultStorageQuotaBytes { get; set; } = 1024L * 1024 * 1024;

    /// <summary>How long signed download and upload URLs stay valid.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "7.00:00:00")]
    public TimeSpan SignedUrlLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a soft-deleted upload's object is kept before the cleanup worker purges it.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "365.00:00:00")]
    public TimeSpan DeletedRetention { get; set; } = TimeSpan.FromDays(1);

    /// <summary>A signed upload never completed within this time is abandoned and purged.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan PendingUploadLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often the cleanup worker runs.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Thumbnails fit in a square of this many pixels.</summary>
    [Range(16, 2048)]
    public int ThumbnailSize { get; set; } = 256;

    /// <summary>Limits on decoding images for thumbnails.</summary>
    [ValidateObjectMembers]
    public ThumbnailSettings Thumbnails { get; set; } = new();
}
