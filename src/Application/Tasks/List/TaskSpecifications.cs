using NovaPulse.Application.Common.Specifications;
using NovaPulse.Domain.Tasks;

namespace NovaPulse.Application.Tasks.List;

/// <summary>The task list's filters, each null when its parameter is absent.</summary>
public static class TaskSpecifications
{
    public static Specification<TaskItem>? WithStatus(TaskItemStatus? status) =>
        status is { } s ? new ExpressionSpecification<TaskItem>(t => t.Status == s) : null;

    public static Specification<TaskItem>? WithPriority(TaskPriority? priority) =>
        priority is { } p ? new ExpressionSpecification<TaskItem>(t => t.Priority == p) : null;

    public static Specification<TaskItem>? AssignedTo(Guid? assigneeId) =>
        assigneeId is { } a ? new ExpressionSpecification<TaskItem>(t => t.AssigneeId == a) : null;

    public static Specification<TaskItem>? Tagged(string? tag) =>
        string.IsNullOrWhiteSpace(tag) ? null : new ExpressionSpecification<TaskItem>(t => t.Tags.Contains(tag.Trim()));

    /// <summary>Case-insensitive match in title or description.</summary>
    public static Specification<TaskItem>? Matching(string? search)
    {
        if (string.IsNullOrWhiteSpace(search))
        {
            return null;
        }

        var term = search.Trim().ToLowerInvariant();
        return new ExpressionSpecification<TaskItem>(t =>
            t.Title.ToLower().Contains(term) || (t.Description != null && t.Description.ToLower().Contains(term)));
    }

    public static Specification<TaskItem>? DueBefore(DateTimeOffset? before) =>
        before is { } b ? new ExpressionSpecification<TaskItem>(t => t.DueDate != null && t.DueDate < b.ToUniversalTime()) : null;

    public static Specification<TaskItem>? DueAfter(DateTimeOffset? after) =>
        after is { } a ? new ExpressionSpecification<TaskItem>(t => t.DueDate != null && t.DueDate > a.ToUniversalTime()) : null;
}
