namespace NovaPulse.Application.Common.Exceptions;

/// <summary>The content is not an allowed type, or contradicts the declared type (415).</summary>
public sealed class UnsupportedMediaTypeException(string message) : Exception(message);
