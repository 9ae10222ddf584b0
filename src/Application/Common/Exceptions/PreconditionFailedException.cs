namespace NovaPulse.Application.Common.Exceptions;

/// <summary>The client's <c>If-Match</c> version is stale (412).</summary>
public sealed class PreconditionFailedException(string message) : Exception(message);
