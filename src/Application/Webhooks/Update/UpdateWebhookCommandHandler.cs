using Mediator;
using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Webhooks.Common;

namespace NovaPulse.Application.Webhooks.Update;

public sealed class UpdateWebhookCommandHandler(IAppDbContext db, ISecretProtector secrets, TimeProvider clock)
    : ICommandHandler<UpdateWebhookCommand, WebhookEndpointDto>
{
    public async ValueTask<WebhookEndpointDto> Handle(UpdateWebhookCommand command, CancellationToken cancellationToken)
    {
        var endpoint = await db.WebhookEndpoints.SingleOrDefaultAsync(e => e.Id == command.Id, cancellationToken)
            ?? throw AppException.NotFound("Webhook", command.Id);
        endpoint.Update(command.Url, command.Events, command.Description, command.Enabled, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return WebhookEndpointDto.Masked(endpoint, secrets);
    }
}
