using System.Text.Json.Serialization;
using NovaPulse.Application.Common.Models;
using NovaPulse.Application.Tasks.Update;
using NovaPulse.Domain.Tasks;

namespace NovaPulse.WebApi.Controllers;

/// <summary>
/// A partial task update. Only properties present in the JSON change; <c>null</c> clears a clearable field
/// (description, assigneeId, dueDate). The setters record which properties the client sent.
/// </summary>
public sealed class UpdateTaskRequest
{
    private readonly HashSet<string> _present = [];

    public string? Title { get; set => Set(out field, value); }

    public string? Description { get; set => Set(out field, value); }

    public TaskItemStatus? Status { get; set => Set(out field, value); }

    public TaskPriority? Priority { get; set => Set(out field, value); }

    public Guid? AssigneeId { get; set => Set(out field, value); }

    public DateTimeOffset? DueDate { get; set => Set(out field, value); }

    public IReadOnlyList<string>? Tags { get; set => Set(out field, value); }

    internal UpdateTaskCommand ToCommand(Guid id, int? expectedVersion) => new(
        id,
        expectedVersion,
        Field(Title),
        Field(Description),
        Field(Status),
        Field(Priority),
        Field(AssigneeId),
        Field(DueDate),
        Field(Tags));

    private Optional<T> Field<T>(T value, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string name = "") =>
        _present.Contains(name) ? Optional<T>.Of(value) : Optional<T>.Absent;

    private void Set<T>(out T field, T value, [System.Runtime.CompilerServices.CallerMemberName] string name = "")
    {
        field = value;
        _present.Add(name);
    }
}
