namespace NovaPulse.Application.Common.Exceptions;

/// <summary>An optional provider this deployment has not configured (503), e.g. Google without a client id.</summary>
public sealed class FeatureUnavailableException(string message) : Exception(message);
