namespace NovaPulse.Application.Common.Exceptions;

/// <summary>A plan limit is reached (402); the answer carries the usage and the limit.</summary>
public sealed class QuotaExceededException(string message, long usage, long limit) : Exception(message)
{
    public long Usage { get; } = usage;

    public long Limit { get; } = limit;
}
