namespace NovaPulse.Application.Common.Exceptions;

/// <summary>The request is well-formed but its content is refused in this deployment, e.g. a plain-http Slack URL (422).</summary>
public sealed class UnprocessableException(string message) : Exception(message);
