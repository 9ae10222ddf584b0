namespace NovaPulse.Domain.Common;

/// <summary>The actor is known but their role does not allow this change (answered as 403).</summary>
public sealed class DomainAccessException(string message) : Exception(message);
