namespace NovaPulse.Application.Common.Exceptions;

/// <summary>The file (or another part of the request, named by <see cref="Code"/>) is larger than allowed (413).</summary>
public sealed class PayloadTooLargeException(long limit, string? message = null, string? code = null)
    : Exception(message ?? $"The file exceeds the limit of {limit} bytes.")
{
    public long Limit { get; } = limit;

    public string? Code { get; } = code;
}
