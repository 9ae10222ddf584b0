namespace NovaPulse.Application.Common.Exceptions;

/// <summary>Credentials missing, wrong or revoked (401).</summary>
public sealed class AuthenticationFailedException(string message) : Exception(message);
