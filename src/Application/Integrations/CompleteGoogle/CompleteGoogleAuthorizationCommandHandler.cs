using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NovaPulse.Application.Billing.Common;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Common.Security;
using NovaPulse.Application.Integrations.Common;
using NovaPulse.Domain.Common;
using NovaPulse.Domain.Integrations;

namespace NovaPulse.Application.Integrations.CompleteGoogle;

public sealed class CompleteGoogleAuthorizationCommandHandler(
    IAppDbContext db, ISecretProtector protector, IGoogleOAuthClient google, IOptions<GoogleOptions> googleOptions,
    IOptions<IntegrationOptions> options, PlanLimitGuard planLimits, TimeProvider clock)
    : ICommandHandler<CompleteGoogleAuthorizationCommand, string>
{
    public async ValueTask<string> Handle(CompleteGoogleAuthorizationCommand command, CancellationToken cancellationToken)
    {
        googleOptions.Value.RequireConfigured();
        var state = await ConsumeStateAsync(command.State!, cancellationToken);
        if (!string.IsNullOrEmpty(command.Error))
        {
            // access_denied: the person said no on the consent screen. Nothing to store; tell the settings page.
            return Frontend($"error={Uri.EscapeDataString(command.Error)}&provider=google");
        }

        var tokens = await google.ExchangeCodeAsync(command.Code!, protector.Unprotect(state.CodeVerifier), cancellationToken);
        if (tokens.AccessToken is null || tokens.RefreshToken is null)
        {
            return Frontend($"error={Uri.EscapeDataString(tokens.Error ?? "no_refresh_token")}&provider=google");
        }

        var email = await google.GetEmailAsync(tokens.AccessToken, cancellationToken);
        var now = clock.GetUtcNow();
        var settings = IntegrationSecrets.Serialize(new GoogleSettings(email, tokens.Scope));
        var secret = protector.Seal(new GoogleSecret(tokens.RefreshToken, tokens.AccessToken, now.AddSeconds(tokens.ExpiresInSeconds)));
        var displayName = email is null ? "Google" : $"Google {email}";
        try
        {
            await db.InCompanyLockAsync(state.CompanyId, async () =>
            {
                // No principal on this request: the company comes from the state, explicitly.
                var integration = await db.Integrations.IgnoreQueryFilters()
                    .SingleOrDefaultAsync(i => i.CompanyId == state.CompanyId && i.Type == IntegrationType.Google, cancellationToken);
                if (integration is null)
                {
                    await planLimits.EnsureIntegrationAvailableAsync(state.CompanyId, cancellationToken);
                    db.Integrations.Add(Integration.Connect(state.CompanyId, IntegrationType.Google, displayName, settings, secret, now));
                }
                else
                {
                    integration.Reconfigure(displayName, settings, secret, now);
                }

                return await db.SaveChangesAsync(cancellationToken);
            }, cancellationToken);
        }
        catch (AppException e) when (e.Kind == ErrorKind.LimitReached)
        {
            // A browser arrives here from Google: the settings page tells the person, as for other callback errors.
            return Frontend($"error={e.Code}&provider=google");
        }

        return Frontend("connected=google");
    }

    /// <summary>
    /// Finds the state and deletes it before anything else happens, so it works once even if the exchange fails. It must
    /// be unexpired and its person still an Admin or Owner of the company that started the flow.
    /// </summary>
    private async Task<OAuthState> ConsumeStateAsync(string value, CancellationToken cancellationToken)
    {
        var hash = Secrets.Hash(value);
        var state = await db.OAuthStates.IgnoreQueryFilters().SingleOrDefaultAsync(s => s.StateHash == hash, cancellationToken) ?? throw InvalidState();
        db.OAuthStates.Remove(state);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw InvalidState(); // the same state used twice at once: the other request consumed it
        }

        var stillAllowed = await db.Users.IgnoreQueryFilters()
            .AnyAsync(u => u.Id == state.UserId && u.CompanyId == state.CompanyId && (u.Role == Role.Admin || u.Role == Role.Owner), cancellationToken);
        return state.IsExpired(clock.GetUtcNow()) || !stillAllowed ? throw InvalidState() : state;
    }

    private static ValidationException InvalidState() =>
        new([new ValidationFailure("State", "The authorization state is unknown, expired or already used; start the Google connection again.")]);

    private string Frontend(string query) => $"{options.Value.FrontendUrl.TrimEnd('/')}/settings/integrations?{query}";
}
