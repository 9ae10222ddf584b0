namespace NovaPulse.Domain.Uploads;

/// <summary>The event payload of an upload: what subscribers see (no storage keys).</summary>
public sealed record UploadSnapshot(
    Guid Id,
    Guid CompanyId,
    string Name,
    string ContentType,
    long Size,
    UploadKind Kind,
    string? Folder,
    IReadOnlyList<string> Tags,
    bool IsPublic,
    Guid? TaskId,
    string? Checksum,
    Guid? CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DeletedAt);
