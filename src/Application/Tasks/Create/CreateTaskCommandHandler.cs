using Mediator;
using NovaPulse.Application.Billing.Common;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Common.Security;
using NovaPulse.Application.Tasks.Common;
using NovaPulse.Domain.Tasks;

namespace NovaPulse.Application.Tasks.Create;

public sealed class CreateTaskCommandHandler(IAppDbContext db, ICurrentUser currentUser, PlanLimitGuard planLimits, TimeProvider clock)
    : ICommandHandler<CreateTaskCommand, TaskDto>
{
    public async ValueTask<TaskDto> Handle(CreateTaskCommand command, CancellationToken cancellationToken)
    {
        await AssigneeGuard.EnsureMemberAsync(db, command.AssigneeId, cancellationToken);
        var companyId = currentUser.RequireCompanyId();
        return await db.InTransactionAsync(() => CreateAsync(command, companyId, cancellationToken), cancellationToken);
    }

    private async Task<TaskDto> CreateAsync(CreateTaskCommand command, Guid companyId, CancellationToken cancellationToken)
    {
        var task = TaskItem.Create(
            companyId,
            command.Title,
            command.Description,
            command.Status ?? TaskItemStatus.Todo,
            command.Priority ?? TaskPriority.Medium,
            command.AssigneeId,
            command.DueDate,
            command.Tags,
            currentUser.UserId,
            clock.GetUtcNow());
        db.Tasks.Add(task);
        await db.SaveChangesAsync(cancellationToken);
        // After the insert, so the company's counter row is locked only for the commit (a 402 rolls the insert back).
        await planLimits.ReserveTaskAsync(companyId, cancellationToken);
        return TaskDto.From(task);
    }
}
