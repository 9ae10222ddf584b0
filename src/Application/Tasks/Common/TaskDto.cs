using NovaPulse.Domain.Tasks;

namespace NovaPulse.Application.Tasks.Common;

/// <summary>A task as the API shows it; <see cref="Version"/> is what the ETag carries.</summary>
public sealed record TaskDto(
    Guid Id,
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
    DateTimeOffset? CompletedAt,
    int Version)
{
    public static TaskDto From(TaskItem t) => new(
        t.Id, t.Title, t.Description, t.Status, t.Priority, t.AssigneeId, t.DueDate, t.Tags, t.CreatedBy, t.CreatedAt, t.UpdatedAt, t.CompletedAt, t.Version);
}
