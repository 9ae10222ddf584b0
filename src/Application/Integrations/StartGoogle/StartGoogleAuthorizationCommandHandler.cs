using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NovaPulse.Application.Billing.Common;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Common.Security;
using NovaPulse.Application.Integrations.Common;
using NovaPulse.Domain.Integrations;

namespace NovaPulse.Application.Integrations.StartGoogle;

public sealed class StartGoogleAuthorizationCommandHandler(
    IAppDbContext db, ICurrentUser currentUser, ISecretProtector protector, PlanLimitGuard planLimits, IOptions<GoogleOptions> options,
    TimeProvider clock)
    : ICommandHandler<StartGoogleAuthorizationCommand, GoogleAuthorizationStart>
{
    public async ValueTask<GoogleAuthorizationStart> Handle(StartGoogleAuthorizationCommand command, CancellationToken cancellationToken)
    {
        var google = options.Value.RequireConfigured();
        // Refused before the person leaves for Google's consent screen; the callback checks again when it connects.
        if (await db.OfTypeAsync(IntegrationType.Google, cancellationToken) is null)
        {
            await planLimits.EnsureIntegrationAvailableAsync(currentUser.RequireCompanyId(), cancellationToken);
        }

        var now = clock.GetUtcNow();
        // Abandoned attempts of this company are dropped here rather than by a worker: they are few and only matter to it.
        await db.OAuthStates.Where(s => s.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);

        var state = Secrets.NewToken();
        var verifier = Pkce.NewVerifier();
        db.OAuthStates.Add(OAuthState.Start(
            currentUser.RequireCompanyId(), currentUser.RequireUserId(), IntegrationType.Google, Secrets.Hash(state), protector.Protect(verifier), now));
        await db.SaveChangesAsync(cancellationToken);

        var query = new Dictionary<string, string>
        {
            ["client_id"] = google.ClientId,
            ["redirect_uri"] = google.RedirectUri,
            ["response_type"] = "code",
            ["scope"] = google.Scopes,
            ["state"] = state,
            ["code_challenge"] = Pkce.ChallengeFor(verifier),
            ["code_challenge_method"] = Pkce.Method,
            ["access_type"] = "offline",
            ["prompt"] = "consent",
            ["include_granted_scopes"] = "true",
        };
        var separator = google.AuthorizationEndpoint.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        return new GoogleAuthorizationStart(
            google.AuthorizationEndpoint + separator + string.Join("&", query.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}")));
    }
}
