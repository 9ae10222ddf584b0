namespace NovaPulse.Application.Common.Exceptions;

/// <summary>The request clashes with existing state, e.g. a duplicate email (409).</summary>
public sealed class ConflictException(string message) : Exception(message);
