using Mediator;
using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Webhooks.Common;

namespace NovaPulse.Application.Webhooks.RotateSecret;

public sealed class RotateWebhookSecretCommandHandler(IAppDbContext db, ISecretProtector secrets, TimeProvider clock)
    : ICommandHandler<RotateWebhookSecretCommand, RotatedWebhookSecret>
{
    public async ValueTask<RotatedWebhookSecret> Handle(RotateWebhookSecretCommand command, CancellationToken cancellationToken)
    {
        var endpoint = await db.WebhookEndpoints.SingleOrDefaultAsync(e => e.Id == command.Id, cancellationToken)
            ?? throw AppException.NotFound("Webhook", command.Id);
        var secret = WebhookSigner.NewSecret();
        endpoint.RotateSecret(secrets.Protect(secret), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return new RotatedWebhookSecret(secret, endpoint.PreviousSecretExpiresAt!.Value);
    }
}
