using NovaPulse.Domain.Common;

namespace NovaPulse.Domain.Integrations;

/// <summary>
/// An authorization request in flight: the <c>state</c> handed to the provider (stored hashed) binds the browser's return to
/// the company and person who started it, once, within <see cref="Lifetime"/>. The PKCE verifier is kept encrypted.
/// </summary>
public sealed class OAuthState : Entity, ITenantOwned
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private OAuthState()
    {
    }

    public Guid CompanyId { get; private set; }

    public Guid UserId { get; private set; }

    public IntegrationType Provider { get; private set; }

    /// <summary>SHA-256 of the state value; the value itself only travels through the browser.</summary>
    public string StateHash { get; private set; } = "";

    [Sensitive]
    public string CodeVerifier { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public static OAuthState Start(Guid companyId, Guid userId, IntegrationType provider, string stateHash, string protectedCodeVerifier, DateTimeOffset now) => new()
    {
        CompanyId = companyId,
        UserId = userId,
        Provider = provider,
        StateHash = stateHash,
        CodeVerifier = protectedCodeVerifier,
        CreatedAt = now,
        ExpiresAt = now + Lifetime,
    };

    public bool IsExpired(DateTimeOffset now) => now >= ExpiresAt;

    /// <summary>After a key rotation the verifier is sealed again with the current key.</summary>
    public void ReplaceCodeVerifier(string protectedCodeVerifier) => CodeVerifier = protectedCodeVerifier;
}
