using System.Linq.Expressions;

namespace NovaPulse.Application.Common.Specifications;

/// <summary>
/// A named, reusable query criterion (our small stand-in for Ardalis.Specification): compose with
/// <see cref="And"/> and apply with <c>query.Where(spec)</c>.
/// </summary>
public abstract class Specification<T>
{
    public abstract Expression<Func<T, bool>> ToExpression();

    public Specification<T> And(Specification<T> other) => new AndSpecification<T>(this, other);

    public bool IsSatisfiedBy(T candidate) => ToExpression().Compile()(candidate);

    public static implicit operator Expression<Func<T, bool>>(Specification<T> specification) => specification.ToExpression();
}

/// <summary>A specification from an inline expression.</summary>
public sealed class ExpressionSpecification<T>(Expression<Func<T, bool>> expression) : Specification<T>
{
    public override Expression<Func<T, bool>> ToExpression() => expression;
}

internal sealed class AndSpecification<T>(Specification<T> left, Specification<T> right) : Specification<T>
{
    public override Expression<Func<T, bool>> ToExpression()
    {
        var l = left.ToExpression();
        var r = right.ToExpression();
        var parameter = l.Parameters[0];
        var body = Expression.AndAlso(l.Body, new ParameterReplacer(r.Parameters[0], parameter).Visit(r.Body)!);
        return Expression.Lambda<Func<T, bool>>(body, parameter);
    }

    private sealed class ParameterReplacer(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
