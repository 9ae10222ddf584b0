using FluentValidation;

namespace NovaPulse.Application.Common.Paging;

public static class CursorValidation
{
    public static IRuleBuilderOptions<T, int?> ValidLimit<T>(this IRuleBuilder<T, int?> rule) =>
        rule.InclusiveBetween(1, PageRequest.MaxLimit).WithMessage($"'limit' must be between 1 and {PageRequest.MaxLimit}.");

    public static IRuleBuilderOptions<T, string?> ValidCursor<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(c => c is null || Cursor.TryDecode(c, out _)).WithMessage("'cursor' is not a cursor this API issued.");
}
