using FluentValidation;
using NovaPulse.Application.Common.Paging;

namespace NovaPulse.Application.Tasks.List;

public sealed class ListTasksQueryValidator : AbstractValidator<ListTasksQuery>
{
    public ListTasksQueryValidator()
    {
        RuleFor(q => q.Status).IsInEnum();
        RuleFor(q => q.Priority).IsInEnum();
        RuleFor(q => q.Tag).MaximumLength(40);
        RuleFor(q => q.Search).MaximumLength(200);
        RuleFor(q => q.Sort).Must(s => s is null || TaskSort.Allowed.Contains(s))
            .WithMessage($"'sort' must be one of: {string.Join(", ", TaskSort.Allowed)}.");
        RuleFor(q => q.Limit).ValidLimit();
        RuleFor(q => q.Cursor).ValidCursor();
    }
}
