namespace NovaPulse.Application.Common.Specifications;

public static class SpecificationExtensions
{
    public static IQueryable<T> Where<T>(this IQueryable<T> query, Specification<T> specification) =>
        Queryable.Where(query, specification.ToExpression());

    /// <summary>Applies each specification in turn; a null entry is skipped (an absent filter).</summary>
    public static IQueryable<T> WhereAll<T>(this IQueryable<T> query, params Specification<T>?[] specifications) =>
        specifications.Aggregate(query, (q, s) => s is null ? q : q.Where(s));
}
