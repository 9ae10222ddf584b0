namespace NovaPulse.Domain.Tasks;

/// <summary>
/// A partial update: a null member means "leave as is"; <see cref="Change{T}"/> wraps fields that may be set to null.
/// </summary>
public sealed record TaskChanges(
    string? Title = null,
    Change<string?>? Description = null,
    TaskItemStatus? Status = null,
    TaskPriority? Priority = null,
    Change<Guid?>? AssigneeId = null,
    Change<DateTimeOffset?>? DueDate = null,
    IReadOnlyList<string>? Tags = null);

/// <summary>A new value for a nullable field (so "set to null" differs from "not changed").</summary>
public readonly record struct Change<T>(T Value);
