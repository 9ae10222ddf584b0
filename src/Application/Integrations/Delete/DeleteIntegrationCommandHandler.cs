using Mediator;
using Microsoft.Extensions.Logging;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Integrations.Common;
using NovaPulse.Domain.Integrations;

namespace NovaPulse.Application.Integrations.Delete;

public sealed partial class DeleteIntegrationCommandHandler(
    IAppDbContext db, ISecretProtector protector, IGoogleOAuthClient google, ILogger<DeleteIntegrationCommandHandler> logger)
    : ICommandHandler<DeleteIntegrationCommand>
{
    public async ValueTask<Unit> Handle(DeleteIntegrationCommand command, CancellationToken cancellationToken)
    {
        var integration = await db.RequireAsync(command.Id, cancellationToken);
        if (integration.Type == IntegrationType.Google && integration.Status != IntegrationStatus.Disconnected)
        {
            // Revoking the refresh token ends the whole grant. If Google is unreachable the row goes anyway: the person asked
            // to disconnect, and they can still revoke from their Google account page.
            var revoked = await RevokeAsync(protector.Open<GoogleSecret>(integration).RefreshToken, cancellationToken);
            LogRevoked(logger, integration.Id, revoked);
        }

        db.Integrations.Remove(integration);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    private async Task<bool> RevokeAsync(string token, CancellationToken cancellationToken)
    {
        try
        {
            return await google.RevokeAsync(token, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    [LoggerMessage(LogLevel.Information, "Google grant of integration {IntegrationId} revoked: {Revoked}")]
    private static partial void LogRevoked(ILogger logger, Guid integrationId, bool revoked);
}
