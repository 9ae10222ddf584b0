using Mediator;
using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Domain.Webhooks;

namespace NovaPulse.Application.Webhooks.Recover;

public sealed class RecoverWebhookCommandHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<RecoverWebhookCommand, RecoverWebhookResult>
{
    /// <summary>One request re-queues at most this many; call again with a later <c>since</c> for more.</summary>
    public const int MaxPerRequest = 10_000;

    public async ValueTask<RecoverWebhookResult> Handle(RecoverWebhookCommand command, CancellationToken cancellationToken)
    {
        if (!await db.WebhookEndpoints.AnyAsync(e => e.Id == command.Id, cancellationToken))
        {
            throw AppException.NotFound("Webhook", command.Id);
        }

        var since = command.Since.ToUniversalTime();
        var failed = await db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.EndpointId == command.Id && d.Status == WebhookDeliveryStatus.Failed && d.CreatedAt >= since)
            .OrderBy(d => d.CreatedAt)
            .Take(MaxPerRequest)
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var delivery in failed)
        {
            db.WebhookDeliveries.Add(delivery.Replay(now));
        }

        await db.SaveChangesAsync(cancellationToken);
        return new RecoverWebhookResult(failed.Count);
    }
}
