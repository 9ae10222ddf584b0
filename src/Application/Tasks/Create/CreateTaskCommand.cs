using Mediator;
using NovaPulse.Application.Common.Security;
using NovaPulse.Application.Tasks.Common;
using NovaPulse.Domain.Common;
using NovaPulse.Domain.Tasks;

namespace NovaPulse.Application.Tasks.Create;

[RequireRole(Role.Member)]
public sealed record CreateTaskCommand(
    string Title,
    string? Description,
    TaskItemStatus? Status,
    TaskPriority? Priority,
    Guid? AssigneeId,
    DateTimeOffset? DueDate,
    IReadOnlyList<string>? Tags) : ICommand<TaskDto>;
