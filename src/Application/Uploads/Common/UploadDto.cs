using NovaPulse.Domain.Uploads;

namespace NovaPulse.Application.Uploads.Common;

/// <summary>
/// An upload as the API shows it. <see cref="Url"/> is stable for public files and an expiring signed URL for
/// private ones; <see cref="ThumbnailUrl"/> is set for images.
/// </summary>
public sealed record UploadDto(
    Guid Id,
    string Name,
    string ContentType,
    long Size,
    UploadKind Kind,
    UploadStatus Status,
    string? Folder,
    IReadOnlyList<string> Tags,
    bool IsPublic,
    Guid? TaskId,
    string? Url,
    string? ThumbnailUrl,
    int? Width,
    int? Height,
    string? Checksum,
    DateTimeOffset CreatedAt,
    Guid? CreatedBy,
    DateTimeOffset UpdatedAt,
    int Version);
