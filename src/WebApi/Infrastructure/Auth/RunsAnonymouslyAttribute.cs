namespace NovaPulse.WebApi.Infrastructure.Auth;

/// <summary>
/// The endpoint's use case must run as nobody even when the caller sends credentials (sign-up, sign-in, token
/// refresh, invitation acceptance): it creates or resolves its own tenant and must not act inside the caller's.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class RunsAnonymouslyAttribute : Attribute;
