using Mediator;
using NovaPulse.Application.Common.Concurrency;
using NovaPulse.Application.Common.Security;
using NovaPulse.Application.Tasks.Common;
using NovaPulse.Domain.Common;
using NovaPulse.Domain.Tasks;

namespace NovaPulse.Application.Tasks.Update;

/// <summary>A partial update: only present fields change. <see cref="ExpectedVersion"/> comes from <c>If-Match</c>.</summary>
[RequireRole(Role.Member)]
public sealed record UpdateTaskCommand(
    Guid Id,
    int? ExpectedVersion,
    Optional<string?> Title,
    Optional<string?> Description,
    Optional<TaskItemStatus?> Status,
    Optional<TaskPriority?> Priority,
    Optional<Guid?> AssigneeId,
    Optional<DateTimeOffset?> DueDate,
    Optional<IReadOnlyList<string>?> Tags) : ICommand<TaskDto>, IConditionalRequest;
