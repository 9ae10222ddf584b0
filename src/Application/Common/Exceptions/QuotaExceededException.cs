namespace NovaPulse.Application.Common.Exceptions;

/// <summary>A plan limit is reached (402); the answer carries the usage, the limit and the plan that lifts it.</summary>
public sealed class QuotaExceededException(string message, string code, long usage, long limit, string? liftedBy) : Exception(message)
{
    /// <summary>Which limit, e.g. <c>seat_limit_reached</c>.</summary>
    public string Code { get; } = code;

    public long Usage { get; } = usage;

    public long Limit { get; } = limit;

    /// <summary>The first plan whose limit is higher, if any.</summary>
    public string? LiftedBy { get; } = liftedBy;
}
