using System.Globalization;
using System.Linq.Expressions;

namespace NovaPulse.Application.Common.Paging;

/// <summary>Keyset ("seek") pagination over a sort key with the row id as tie-breaker.</summary>
public static class Keyset
{
    /// <summary>Rows strictly after (<paramref name="key"/>, <paramref name="id"/>) in the given direction.</summary>
    public static IQueryable<T> After<T, TKey>(
        this IQueryable<T> query, Expression<Func<T, TKey>> keySelector, Expression<Func<T, Guid>> idSelector,
        TKey key, Guid id, bool descending)
    {
        var row = keySelector.Parameters[0];
        var keyExpr = keySelector.Body;
        var idExpr = new Rebind(idSelector.Parameters[0], row).Visit(idSelector.Body)!;
        if (keyExpr.Type.IsEnum)
        {
            keyExpr = Expression.Convert(keyExpr, typeof(int));
        }

        var keyValue = Parameterize(key, keyExpr.Type);
        var idValue = Parameterize(id, typeof(Guid));
        var beyondKey = descending ? Expression.LessThan(keyExpr, keyValue) : Expression.GreaterThan(keyExpr, keyValue);
        var idCompare = Expression.Call(idExpr, typeof(Guid).GetMethod(nameof(Guid.CompareTo), [typeof(Guid)])!, idValue);
        var beyondId = descending
            ? Expression.LessThan(idCompare, Expression.Constant(0))
            : Expression.GreaterThan(idCompare, Expression.Constant(0));
        var body = Expression.OrElse(beyondKey, Expression.AndAlso(Expression.Equal(keyExpr, keyValue), beyondId));
        return query.Where(Expression.Lambda<Func<T, bool>>(body, row));
    }

    /// <summary>Cuts the extra row fetched to detect a next page and encodes the cursor of the last returned row.</summary>
    public static Page<TDto> ToPage<T, TDto>(IReadOnlyList<T> rows, int limit, Func<T, string> key, Func<T, Guid> id, Func<T, TDto> map)
    {
        var hasMore = rows.Count > limit;
        var items = rows.Take(limit).ToList();
        var next = hasMore ? new Cursor(key(items[^1]), id(items[^1])).Encode() : null;
        return new Page<TDto>([.. items.Select(map)], next);
    }

    public static string FormatDate(DateTimeOffset value) => value.UtcTicks.ToString(CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseDate(string key) =>
        long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks <= DateTimeOffset.MaxValue.UtcTicks
            ? new DateTimeOffset(ticks, TimeSpan.Zero)
            : DateTimeOffset.MinValue;

    /// <summary>Captured through a closure so EF sends a parameter rather than inlining a constant.</summary>
    private static Expression Parameterize<TValue>(TValue value, Type type)
    {
        Expression<Func<TValue>> holder = () => value;
        return type == typeof(TValue) ? holder.Body : Expression.Convert(holder.Body, type);
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
