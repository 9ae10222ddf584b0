using NovaPulse.Domain.Common;
using NovaPulse.Domain.Tasks;

namespace NovaPulse.Domain.Uploads;

/// <summary>
/// A file in a company's media library. The bytes live in file storage under <see cref="StorageKey"/>, a key we
/// generate (never derived from the client's file name). Deleting is soft: the cleanup worker removes the object
/// after a grace period and then marks the row purged.
/// </summary>
public sealed class Upload : Entity, ITenantOwned, IAuditable
{
    public const int NameMaxLength = 255;
    public const int FolderMaxLength = 200;
    public const int ContentTypeMaxLength = 127;
    public const int MaxTags = 20;
    public const int TagMaxLength = 40;

    private Upload()
    {
    }

    public Guid CompanyId { get; private set; }

    public string Name { get; private set; } = "";

    public string ContentType { get; private set; } = "";

    public long Size { get; private set; }

    public UploadKind Kind { get; private set; }

    public UploadStatus Status { get; private set; }

    public string? Folder { get; private set; }

    public List<string> Tags { get; private set; } = [];

    public bool IsPublic { get; private set; }

    public Guid? TaskId { get; private set; }

    /// <summary>Lower-case hex SHA-256 of the bytes, computed while streaming (null when the bytes went straight to Cloudinary).</summary>
    public string? Checksum { get; private set; }

    public int? Width { get; private set; }

    public int? Height { get; private set; }

    /// <summary>Which storage holds the object (<c>LocalDisk</c> or <c>Cloudinary</c>).</summary>
    public string StorageProvider { get; private set; } = "";

    public string StorageKey { get; private set; } = "";

    /// <summary>The stored thumbnail's key, when the storage keeps one (LocalDisk); Cloudinary derives thumbnails by URL.</summary>
    public string? ThumbnailKey { get; private set; }

    public Guid? CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? DeletedAt { get; private set; }

    /// <summary>When the cleanup worker removed the stored object; the row stays as a tombstone for the audit trail.</summary>
    public DateTimeOffset? PurgedAt { get; private set; }

    public int Version { get; private set; } = 1;

    /// <summary>A pending upload: the row exists (and reserves quota) before the client sends the bytes to a signed URL.</summary>
    public static Upload CreatePending(
        Guid companyId, string name, string contentType, long declaredSize, UploadKind kind, string? folder, IEnumerable<string>? tags,
        bool isPublic, Guid? taskId, string storageProvider, Guid? createdBy, DateTimeOffset now)
    {
        var upload = New(companyId, name, contentType, kind, folder, tags, isPublic, taskId, storageProvider, createdBy, now);
        upload.Size = declaredSize;
        upload.Status = UploadStatus.Pending;
        return upload;
    }

    /// <summary>Starts an upload whose bytes are being streamed now; call <see cref="Complete"/> once they are stored.</summary>
    public static Upload Start(
        Guid companyId, string name, string contentType, UploadKind kind, string? folder, IEnumerable<string>? tags,
        bool isPublic, Guid? taskId, string storageProvider, Guid? createdBy, DateTimeOffset now)
    {
        var upload = New(companyId, name, contentType, kind, folder, tags, isPublic, taskId, storageProvider, createdBy, now);
        upload.Status = UploadStatus.Pending;
        return upload;
    }

    /// <summary>The bytes are stored: records what was measured and raises <c>upload.created</c>.</summary>
    public void Complete(StoredContent content, DateTimeOffset now)
    {
        if (Status == UploadStatus.Ready)
        {
            throw new DomainRuleException("upload_already_completed", "This upload is already complete.");
        }

        ContentType = content.ContentType;
        Kind = content.Kind;
        Size = content.Size;
        Checksum = content.Checksum;
        Width = content.Width;
        Height = content.Height;
        ThumbnailKey = content.ThumbnailKey;
        Status = UploadStatus.Ready;
        UpdatedAt = now;
        Version++;
        Raise(new UploadCreated(Snapshot()));
    }

    /// <summary>
    /// Sets the client's metadata on an upload whose bytes are still arriving (form fields sent after the file part):
    /// part of creating it, so no new version.
    /// </summary>
    public void Describe(string? folder, IEnumerable<string>? tags, bool isPublic, Guid? taskId)
    {
        if (Status != UploadStatus.Pending)
        {
            throw new DomainRuleException("upload_already_completed", "This upload is already complete.");
        }

        Folder = NormalizeFolder(folder);
        Tags = NormalizeTags(tags);
        IsPublic = isPublic;
        TaskId = taskId;
    }

    /// <summary>Applies the given changes (absent fields stay as they are); returns whether anything changed.</summary>
    public bool Update(
        Optional<string?> name, Optional<string?> folder, Optional<IReadOnlyList<string>?> tags, Optional<Guid?> taskId, DateTimeOffset now)
    {
        var changed = false;
        if (name is { HasValue: true, Value: { } newName } && newName != Name)
        {
            Name = newName;
            changed = true;
        }

        if (folder is { HasValue: true } f && NormalizeFolder(f.Value) != Folder)
        {
            Folder = NormalizeFolder(f.Value);
            changed = true;
        }

        if (tags is { HasValue: true, Value: { } newTags })
        {
            var normalized = NormalizeTags(newTags);
            if (!normalized.SequenceEqual(Tags))
            {
                Tags = normalized;
                changed = true;
            }
        }

        if (taskId is { HasValue: true } t && t.Value != TaskId)
        {
            TaskId = t.Value;
            changed = true;
        }

        if (changed)
        {
            Touch(now);
        }

        return changed;
    }

    public void SetVisibility(bool isPublic, DateTimeOffset now)
    {
        if (IsPublic != isPublic)
        {
            IsPublic = isPublic;
            Touch(now);
        }
    }

    /// <summary>Soft delete: hidden at once, the object is purged by the cleanup worker later.</summary>
    public void Delete(DateTimeOffset now)
    {
        if (DeletedAt is not null)
        {
            return;
        }

        DeletedAt = now;
        Touch(now);
        if (Status == UploadStatus.Ready)
        {
            Raise(new UploadDeleted(Snapshot()));
        }
    }

    public void MarkPurged(DateTimeOffset now)
    {
        DeletedAt ??= now;
        PurgedAt = now;
    }

    public UploadSnapshot Snapshot() => new(
        Id, CompanyId, Name, ContentType, Size, Kind, Folder, [.. Tags], IsPublic, TaskId, Checksum, CreatedBy, CreatedAt, DeletedAt);

    /// <summary>Trims, drops blanks and duplicates (case-insensitive), keeps first-seen order.</summary>
    public static List<string> NormalizeTags(IEnumerable<string>? tags) =>
        tags is null
            ? []
            : [.. tags.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>Folders are labels like <c>marketing/2026</c>: trimmed, no leading or trailing slashes, empty means none.</summary>
    public static string? NormalizeFolder(string? folder)
    {
        var trimmed = folder?.Trim().Trim('/').Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }

    private static Upload New(
        Guid companyId, string name, string contentType, UploadKind kind, string? folder, IEnumerable<string>? tags,
        bool isPublic, Guid? taskId, string storageProvider, Guid? createdBy, DateTimeOffset now)
    {
        var id = SequentialId.New();
        return new Upload
        {
            Id = id,
            CompanyId = companyId,
            Name = name,
            ContentType = contentType,
            Kind = kind,
            Folder = NormalizeFolder(folder),
            Tags = NormalizeTags(tags),
            IsPublic = isPublic,
            TaskId = taskId,
            StorageProvider = storageProvider,
            StorageKey = $"{companyId:N}/{id:N}",
            CreatedBy = createdBy,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}

/// <summary>What was measured while storing an upload's bytes.</summary>
public sealed record StoredContent(
    string ContentType, UploadKind Kind, long Size, string? Checksum, int? Width, int? Height, string? ThumbnailKey);
