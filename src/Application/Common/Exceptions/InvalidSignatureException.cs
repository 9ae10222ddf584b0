namespace NovaPulse.Application.Common.Exceptions;

/// <summary>A signed URL was forged, tampered with or has expired (403).</summary>
public sealed class InvalidSignatureException(string message) : Exception(message);
