using Mediator;
using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Webhooks.Common;

namespace NovaPulse.Application.Webhooks.Replay;

public sealed class ReplayWebhookDeliveryCommandHandler(IAppDbContext db, TimeProvider clock)
    : ICommandHandler<ReplayWebhookDeliveryCommand, WebhookDeliveryDto>
{
    public async ValueTask<WebhookDeliveryDto> Handle(ReplayWebhookDeliveryCommand command, CancellationToken cancellationToken)
    {
        var original = await db.WebhookDeliveries.AsNoTracking()
            .SingleOrDefaultAsync(d => d.Id == command.DeliveryId && d.EndpointId == command.Id, cancellationToken)
            ?? throw AppException.NotFound("Webhook delivery", command.DeliveryId);
        var replay = original.Replay(clock.GetUtcNow());
        db.WebhookDeliveries.Add(replay);
        await db.SaveChangesAsync(cancellationToken);
        return WebhookDeliveryDto.From(replay, []);
    }
}
