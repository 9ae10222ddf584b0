namespace NovaPulse.Application.Common.Exceptions;

/// <summary>
/// The caller must wait before trying again (429 with Retry-After); a concurrency limit names itself by
/// <see cref="Code"/> and its <see cref="Limit"/>.
/// </summary>
public sealed class TooManyAttemptsException(string message, TimeSpan retryAfter, string? code = null, long? limit = null) : Exception(message)
{
    public TimeSpan RetryAfter { get; } = retryAfter;

    public string? Code { get; } = code;

    public long? Limit { get; } = limit;
}
