using Mediator;
using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Common.Interfaces;

namespace NovaPulse.Application.Events.RenewStream;

public sealed class RenewEventStreamCommandHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<RenewEventStreamCommand, bool>
{
    public async ValueTask<bool> Handle(RenewEventStreamCommand command, CancellationToken cancellationToken)
    {
        var expiresAt = clock.GetUtcNow() + command.LeaseDuration;
        return await db.EventStreamLeases.Where(l => l.Id == command.LeaseId)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, expiresAt), cancellationToken) > 0;
    }
}
