using Mediator;
using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Billing.Common;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Common.Interfaces;

namespace NovaPulse.Application.Tasks.Delete;

public sealed class DeleteTaskCommandHandler(IAppDbContext db, PlanLimitGuard planLimits) : ICommandHandler<DeleteTaskCommand>
{
    public async ValueTask<Unit> Handle(DeleteTaskCommand command, CancellationToken cancellationToken)
    {
        var task = await db.Tasks.SingleOrDefaultAsync(t => t.Id == command.Id, cancellationToken)
            ?? throw AppException.NotFound("Task", command.Id);
        if (command.ExpectedVersion is { } expected && expected != task.Version)
        {
            throw AppException.PreconditionFailed($"The task was changed by someone else (current version {task.Version}).");
        }

        task.MarkDeleted();
        db.Tasks.Remove(task);
        return await db.InTransactionAsync(
            async () =>
            {
                await db.SaveChangesAsync(cancellationToken);
                await planLimits.ReleaseTaskAsync(task.CompanyId, cancellationToken);
                return Unit.Value;
            },
            cancellationToken);
    }
}
