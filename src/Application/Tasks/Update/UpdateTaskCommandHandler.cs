using Mediator;
using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Tasks.Common;
using NovaPulse.Domain.Tasks;

namespace NovaPulse.Application.Tasks.Update;

public sealed class UpdateTaskCommandHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<UpdateTaskCommand, TaskDto>
{
    public async ValueTask<TaskDto> Handle(UpdateTaskCommand command, CancellationToken cancellationToken)
    {
        var task = await db.Tasks.SingleOrDefaultAsync(t => t.Id == command.Id, cancellationToken)
            ?? throw AppException.NotFound("Task", command.Id);
        if (command.ExpectedVersion is { } expected && expected != task.Version)
        {
            throw AppException.PreconditionFailed($"The task was changed by someone else (current version {task.Version}); reload it and retry.");
        }

        if (command.AssigneeId.HasValue)
        {
            await AssigneeGuard.EnsureMemberAsync(db, command.AssigneeId.Value, cancellationToken);
        }

        task.Update(
            new TaskChanges(command.Title, command.Description, command.Status, command.Priority, command.AssigneeId, command.DueDate, command.Tags),
            clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TaskDto.From(task);
    }
}
