namespace NovaPulse.Application.Common.Exceptions;

/// <summary>What the request names existed once but is no longer kept (410), e.g. an event older than the retention.</summary>
public sealed class GoneException(string message, string code) : Exception(message)
{
    public string Code { get; } = code;
}
