namespace NovaPulse.Application.Common.Exceptions;

/// <summary>The file is larger than the plan allows (413).</summary>
public sealed class PayloadTooLargeException(long limit)
    : Exception($"The file exceeds the limit of {limit} bytes.")
{
    public long Limit { get; } = limit;
}
