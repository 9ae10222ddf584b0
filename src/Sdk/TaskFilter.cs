using NovaPulse.Sdk.Generated;

namespace NovaPulse.Sdk;

/// <summary>Filters, sort and paging of <see cref="NovaPulseClient.GetTasksAsync"/>; every property is optional.</summary>
public sealed record TaskFilter
{
    public TaskItemStatus? Status { get; init; }

    public TaskPriority? Priority { get; init; }

    public Guid? AssigneeId { get; init; }

    public string? Tag { get; init; }

    /// <summary>Text searched in titles and descriptions.</summary>
    public string? Search { get; init; }

    public DateTimeOffset? DueBefore { get; init; }

    public DateTimeOffset? DueAfter { get; init; }

    /// <summary>Sort field, <c>-</c> for descending, e.g. <c>-priority</c>.</summary>
    public string? Sort { get; init; }

    /// <summary>Page size, 1 to 100 (server default 25).</summary>
    public int? Limit { get; init; }

    /// <summary>The previous page's <c>nextCursor</c>.</summary>
    public string? Cursor { get; init; }
}
