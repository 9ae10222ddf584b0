using Mediator;
using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Common.Interfaces;

namespace NovaPulse.Application.Webhooks.Delete;

public sealed class DeleteWebhookCommandHandler(IAppDbContext db) : ICommandHandler<DeleteWebhookCommand>
{
    public async ValueTask<Unit> Handle(DeleteWebhookCommand command, CancellationToken cancellationToken)
    {
        var endpoint = await db.WebhookEndpoints.SingleOrDefaultAsync(e => e.Id == command.Id, cancellationToken)
            ?? throw AppException.NotFound("Webhook", command.Id);
        db.WebhookEndpoints.Remove(endpoint);
        await db.SaveChangesAsync(cancellationToken); // deliveries and attempts cascade
        return Unit.Value;
    }
}
