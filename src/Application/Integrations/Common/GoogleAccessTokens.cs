using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Domain.Integrations;

namespace NovaPulse.Application.Integrations.Common;

/// <summary>A usable Google access token: the stored one while it lives, else a fresh one from the refresh token.</summary>
public sealed class GoogleAccessTokens(IGoogleOAuthClient google, ISecretProtector protector, TimeProvider clock)
{
    /// <summary>Refresh a minute early so a token does not expire between here and Google.</summary>
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The token, or null with the failure recorded on <paramref name="integration"/> (Disconnected when Google answers
    /// <c>invalid_grant</c>: the person revoked access or the grant expired). The caller saves the integration.
    /// </summary>
    public async Task<string?> GetAsync(Integration integration, bool tested, CancellationToken cancellationToken)
    {
        var secret = protector.Open<GoogleSecret>(integration);
        var now = clock.GetUtcNow();
        if (secret.AccessTokenExpiresAt > now + Margin)
        {
            return secret.AccessToken;
        }

        var refreshed = await google.RefreshAsync(secret.RefreshToken, cancellationToken);
        if (refreshed.Error == "invalid_grant")
        {
            integration.RecordFailure("Google revoked the grant (invalid_grant); connect the account again.", IntegrationStatus.Disconnected, now, tested);
            return null;
        }

        if (refreshed.AccessToken is null)
        {
            integration.RecordFailure($"Refreshing the Google token failed ({refreshed.Error ?? "no access token"}).", IntegrationStatus.Connected, now, tested);
            return null;
        }

        // Google usually keeps the refresh token; when it rotates one, the new one replaces it.
        integration.ReplaceSecret(
            protector.Seal(new GoogleSecret(refreshed.RefreshToken ?? secret.RefreshToken, refreshed.AccessToken, now.AddSeconds(refreshed.ExpiresInSeconds))), now);
        return refreshed.AccessToken;
    }
}
