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
        RuleFor(q => q.Cursor).ValidCursor()
            .Must(FitsTheSort).WithMessage("'cursor' belongs to a different sort order; start again without a cursor.");
    }

    /// <summary>A well-formed cursor must also carry a key of the requested sort (an unknown sort is reported by its own rule).</summary>
    private static bool FitsTheSort(ListTasksQuery query, string? cursor) =>
        !Cursor.TryDecode(cursor, out var decoded)
        || (query.Sort is not null && !TaskSort.Allowed.Contains(query.Sort))
        || TaskSortKey.IsValid(TaskSort.Parse(query.Sort).Field, decoded!.Key);
}
