using NovaPulse.Application.Tasks.Common;
using NovaPulse.Application.Tasks.Create;
using NovaPulse.Application.Tasks.Update;
using NovaPulse.Domain.Common;
using NovaPulse.Domain.Tasks;

namespace NovaPulse.Dashboard.Components.Pages.Tasks;

/// <summary>The create/edit dialog's fields, named as in the commands so validation failures land on the right field.</summary>
public sealed class TaskForm
{
    public string? Title { get; set; }

    public string? Description { get; set; }

    public TaskItemStatus Status { get; set; } = TaskItemStatus.Todo;

    public TaskPriority Priority { get; set; } = TaskPriority.Medium;

    public Guid? AssigneeId { get; set; }

    /// <summary>A calendar day; stored as midnight UTC.</summary>
    public DateOnly? DueDate { get; set; }

    /// <summary>Comma-separated.</summary>
    public string? Tags { get; set; }

    public static TaskForm From(TaskDto task) => new()
    {
        Title = task.Title,
        Description = task.Description,
        Status = task.Status,
        Priority = task.Priority,
        AssigneeId = task.AssigneeId,
        DueDate = task.DueDate is { } due ? DateOnly.FromDateTime(due.UtcDateTime) : null,
        Tags = string.Join(", ", task.Tags),
    };

    public CreateTaskCommand ToCreateCommand() =>
        new(Title ?? "", Description, Status, Priority, AssigneeId, Due(), TagList());

    public UpdateTaskCommand ToUpdateCommand(TaskDto task) => new(
        task.Id,
        task.Version,
        Optional<string?>.Of(Title ?? ""),
        Optional<string?>.Of(string.IsNullOrWhiteSpace(Description) ? null : Description),
        Optional<TaskItemStatus?>.Of(Status),
        Optional<TaskPriority?>.Of(Priority),
        Optional<Guid?>.Of(AssigneeId),
        Optional<DateTimeOffset?>.Of(Due()),
        Optional<IReadOnlyList<string>?>.Of(TagList()));

    private DateTimeOffset? Due() => DueDate is { } day ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;

    private string[] TagList() =>
        Tags?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];
}
