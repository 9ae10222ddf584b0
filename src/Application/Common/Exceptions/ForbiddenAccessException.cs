namespace NovaPulse.Application.Common.Exceptions;

/// <summary>Authenticated, but the role does not allow this operation (403).</summary>
public sealed class ForbiddenAccessException(string message) : Exception(message);
