using NovaPulse.Application.Tasks.Update;
using NovaPulse.Domain.Common;
using NovaPulse.Domain.Tasks;

namespace NovaPulse.WebApi.Controllers;

// The JSON converter leaves a property the client did not send Absent and turns a sent one, null included, into a value;
// the OpenAPI schema shows each property as its T (OptionalSchemaReflectionService). The summary is part of the contract.

/// <summary>
/// A partial task update. Only properties present in the JSON change; <c>null</c> clears a clearable field
/// (description, assigneeId, dueDate). The setters record which properties the client sent.
/// </summary>
public sealed class UpdateTaskRequest
{
    public Optional<string?> Title { get; init; }

    public Optional<string?> Description { get; init; }

    public Optional<TaskItemStatus?> Status { get; init; }

    public Optional<TaskPriority?> Priority { get; init; }

    public Optional<Guid?> AssigneeId { get; init; }

    public Optional<DateTimeOffset?> DueDate { get; init; }

    public Optional<IReadOnlyList<string>?> Tags { get; init; }

    internal UpdateTaskCommand ToCommand(Guid id, int? expectedVersion) =>
        new(id, expectedVersion, Title, Description, Status, Priority, AssigneeId, DueDate, Tags);
}
