using FluentValidation;
using NovaPulse.Domain.Tasks;

namespace NovaPulse.Application.Tasks.Common;

/// <summary>Field rules shared by create and update.</summary>
public static class TaskRules
{
    public static IRuleBuilderOptions<T, string?> ValidTitle<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().MaximumLength(TaskItem.TitleMaxLength);

    public static IRuleBuilderOptions<T, string?> ValidDescription<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(TaskItem.DescriptionMaxLength);

    public static IRuleBuilderOptions<T, IReadOnlyList<string>?> ValidTags<T>(this IRuleBuilder<T, IReadOnlyList<string>?> rule) =>
        rule.Must(tags => tags is null || tags.Count <= TaskItem.MaxTags).WithMessage($"At most {TaskItem.MaxTags} tags are allowed.")
            .Must(tags => tags is null || tags.All(t => t is not null && t.Trim().Length is > 0 and <= TaskItem.TagMaxLength))
            .WithMessage($"Each tag must have 1 to {TaskItem.TagMaxLength} characters.");
}
