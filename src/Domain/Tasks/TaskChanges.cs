using NovaPulse.Domain.Common;

namespace NovaPulse.Domain.Tasks;

/// <summary>A partial update: an absent member leaves the field as it is; a present null clears a clearable field.</summary>
public sealed record TaskChanges(
    Optional<string?> Title = default,
    Optional<string?> Description = default,
    Optional<TaskItemStatus?> Status = default,
    Optional<TaskPriority?> Priority = default,
    Optional<Guid?> AssigneeId = default,
    Optional<DateTimeOffset?> DueDate = default,
    Optional<IReadOnlyList<string>?> Tags = default);
