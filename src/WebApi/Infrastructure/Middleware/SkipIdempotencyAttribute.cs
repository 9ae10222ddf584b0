namespace NovaPulse.WebApi.Infrastructure.Middleware;

/// <summary>
/// The endpoint's response carries a secret shown once (tokens, API keys) that must not be kept for replay,
/// so <c>Idempotency-Key</c> is ignored there.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class SkipIdempotencyAttribute : Attribute;
