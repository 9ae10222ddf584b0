using NovaPulse.Application.Common.Specifications;
using NovaPulse.Domain.Uploads;

namespace NovaPulse.Application.Uploads.List;

/// <summary>The media library's filters, each null when its parameter is absent.</summary>
public static class UploadSpecifications
{
    public static Specification<Upload> Ready { get; } = new ExpressionSpecification<Upload>(u => u.Status == UploadStatus.Ready);

    public static Specification<Upload>? OfKind(UploadKind? kind) =>
        kind is { } k ? new ExpressionSpecification<Upload>(u => u.Kind == k) : null;

    public static Specification<Upload>? InFolder(string? folder) =>
        Upload.NormalizeFolder(folder) is { } f ? new ExpressionSpecification<Upload>(u => u.Folder == f) : null;

    public static Specification<Upload>? Tagged(string? tag) =>
        string.IsNullOrWhiteSpace(tag) ? null : new ExpressionSpecification<Upload>(u => u.Tags.Contains(tag.Trim()));

    /// <summary>Case-insensitive match in the file name.</summary>
    public static Specification<Upload>? Matching(string? search)
    {
        if (string.IsNullOrWhiteSpace(search))
        {
            return null;
        }

        var term = search.Trim().ToLowerInvariant();
        return new ExpressionSpecification<Upload>(u => u.Name.ToLower().Contains(term));
    }

    public static Specification<Upload>? WithVisibility(bool? isPublic) =>
        isPublic is { } p ? new ExpressionSpecification<Upload>(u => u.IsPublic == p) : null;

    public static Specification<Upload>? ForTask(Guid? taskId) =>
        taskId is { } t ? new ExpressionSpecification<Upload>(u => u.TaskId == t) : null;

    public static Specification<Upload>? CreatedByMember(Guid? userId) =>
        userId is { } c ? new ExpressionSpecification<Upload>(u => u.CreatedBy == c) : null;

    public static Specification<Upload>? CreatedFrom(DateTimeOffset? from) =>
        from is { } f ? new ExpressionSpecification<Upload>(u => u.CreatedAt >= f.ToUniversalTime()) : null;

    public static Specification<Upload>? CreatedBefore(DateTimeOffset? to) =>
        to is { } t ? new ExpressionSpecification<Upload>(u => u.CreatedAt < t.ToUniversalTime()) : null;
}
