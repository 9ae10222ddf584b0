namespace NovaPulse.Application.Common.Exceptions;

/// <summary>The request as a whole is unusable (e.g. a webhook with a bad signature or body): 400 with a code.</summary>
public sealed class BadRequestException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
