using Mediator;
using NovaPulse.Application.Common.Paging;
using NovaPulse.Application.Common.Security;
using NovaPulse.Application.Tasks.Common;
using NovaPulse.Domain.Common;
using NovaPulse.Domain.Tasks;

namespace NovaPulse.Application.Tasks.List;

[RequireRole(Role.Member)]
public sealed record ListTasksQuery(
    TaskItemStatus? Status = null,
    TaskPriority? Priority = null,
    Guid? AssigneeId = null,
    string? Tag = null,
    string? Search = null,
    DateTimeOffset? DueBefore = null,
    DateTimeOffset? DueAfter = null,
    string? Sort = null,
    int? Limit = null,
    string? Cursor = null) : IQuery<Page<TaskDto>>;
