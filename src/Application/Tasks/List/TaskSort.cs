namespace NovaPulse.Application.Tasks.List;

/// <summary>The orders a task list supports: a field and a direction (<c>-</c> prefix = descending).</summary>
public sealed record TaskSort(TaskSortField Field, bool Descending)
{
    public static readonly TaskSort Default = new(TaskSortField.CreatedAt, Descending: true);

    public static readonly IReadOnlyList<string> Allowed = ["createdAt", "-createdAt", "updatedAt", "-updatedAt", "priority", "-priority"];

    public static TaskSort Parse(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return Default;
        }

        var descending = value.StartsWith('-');
        var field = value.TrimStart('-') switch
        {
            "createdAt" => TaskSortField.CreatedAt,
            "updatedAt" => TaskSortField.UpdatedAt,
            "priority" => TaskSortField.Priority,
            _ => throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown sort."),
        };
        return new TaskSort(field, descending);
    }
}

/// <remarks>Kept beside <see cref="TaskSort"/> so the validator and handler agree on what a key looks like.</remarks>
public static class TaskSortKey
{
    /// <summary>Whether a cursor's key was issued for this sort field (a cursor from another sort is a client error).</summary>
    public static bool IsValid(TaskSortField field, string key) => field switch
    {
        TaskSortField.Priority => int.TryParse(key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var p)
            && Enum.IsDefined((NovaPulse.Domain.Tasks.TaskPriority)p),
        _ => long.TryParse(key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ticks)
            && ticks <= DateTimeOffset.MaxValue.UtcTicks,
    };
}

public enum TaskSortField
{
    CreatedAt,
    UpdatedAt,
    Priority,
}
