using Mediator;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Integrations.Common;
using NovaPulse.Domain.Integrations;

namespace NovaPulse.Application.Integrations.TestGoogle;

public sealed class TestGoogleCommandHandler(IAppDbContext db, GoogleAccessTokens tokens, IGoogleOAuthClient google, TimeProvider clock)
    : ICommandHandler<TestGoogleCommand, IntegrationTestResult>
{
    public async ValueTask<IntegrationTestResult> Handle(TestGoogleCommand command, CancellationToken cancellationToken)
    {
        var integration = await db.RequireOfTypeAsync(IntegrationType.Google, cancellationToken);
        var now = clock.GetUtcNow();
        if (await tokens.GetAsync(integration, tested: true, cancellationToken) is { } accessToken)
        {
            var email = await google.GetEmailAsync(accessToken, cancellationToken);
            var result = email is null ? SendResult.Transient("Google refused the access token.") : SendResult.Ok;
            result.ApplyTo(integration, now, tested: true);
        }

        await SendOutcomes.SaveAsync(db, cancellationToken);
        return new IntegrationTestResult(integration.LastError is null, integration.Status, integration.LastError, integration.LastTestedAt ?? now);
    }
}
