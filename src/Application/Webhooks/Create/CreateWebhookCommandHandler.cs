using Mediator;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Common.Security;
using NovaPulse.Application.Webhooks.Common;
using NovaPulse.Domain.Webhooks;

namespace NovaPulse.Application.Webhooks.Create;

public sealed class CreateWebhookCommandHandler(IAppDbContext db, ICurrentUser currentUser, ISecretProtector secrets, TimeProvider clock)
    : ICommandHandler<CreateWebhookCommand, WebhookEndpointDto>
{
    public async ValueTask<WebhookEndpointDto> Handle(CreateWebhookCommand command, CancellationToken cancellationToken)
    {
        var secret = WebhookSigner.NewSecret();
        var endpoint = WebhookEndpoint.Create(
            currentUser.RequireCompanyId(), command.Url, command.Events, command.Description, command.Enabled ?? true, secrets.Protect(secret), clock.GetUtcNow());
        db.WebhookEndpoints.Add(endpoint);
        await db.SaveChangesAsync(cancellationToken);
        return WebhookEndpointDto.From(endpoint, secret);
    }
}
