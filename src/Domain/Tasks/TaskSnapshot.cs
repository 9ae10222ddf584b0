namespace NovaPulse.Domain.Tasks;

/// <summary>The state of a task at the moment an event was raised; the payload of task.* events.</summary>
public sealed record TaskSnapshot(
    Guid Id,
    Guid CompanyId,
    string Title,
    string? Description,
    TaskItemStatus Status,
    TaskPriority Priority,
    Guid? AssigneeId,
    DateTimeOffset? DueDate,
    IReadOnlyList<string> Tags,
    Guid? CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? CompletedAt);
