using Mediator;
using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Common.Interfaces;

namespace NovaPulse.Application.Events.CloseStream;

public sealed class CloseEventStreamCommandHandler(IAppDbContext db) : ICommandHandler<CloseEventStreamCommand>
{
    public async ValueTask<Unit> Handle(CloseEventStreamCommand command, CancellationToken cancellationToken)
    {
        await db.EventStreamLeases.Where(l => l.Id == command.LeaseId).ExecuteDeleteAsync(cancellationToken);
        return Unit.Value;
    }
}
