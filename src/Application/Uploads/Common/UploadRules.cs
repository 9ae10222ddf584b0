using FluentValidation;
using NovaPulse.Domain.Uploads;

namespace NovaPulse.Application.Uploads.Common;

/// <summary>Field rules shared by upload, signed-url and update.</summary>
public static class UploadRules
{
    public static IRuleBuilderOptions<T, string?> ValidFolder<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(Upload.FolderMaxLength)
            .Must(f => f is null || !f.Split('/').Any(segment => segment.Trim() is "." or ".."))
            .WithMessage("'Folder' must not contain '.' or '..' segments.")
            .Must(f => f is null || !f.Any(char.IsControl)).WithMessage("'Folder' must not contain control characters.");

    public static IRuleBuilderOptions<T, IReadOnlyList<string>?> ValidTags<T>(this IRuleBuilder<T, IReadOnlyList<string>?> rule) =>
        rule.Must(tags => tags is null || tags.Count <= Upload.MaxTags).WithMessage($"At most {Upload.MaxTags} tags are allowed.")
            .Must(tags => tags is null || tags.All(t => t is not null && t.Trim().Length is > 0 and <= Upload.TagMaxLength))
            .WithMessage($"Each tag must have 1 to {Upload.TagMaxLength} characters.");

    public static IRuleBuilderOptions<T, string?> ValidName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().MaximumLength(1024);
}
