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

public enum TaskSortField
{
    CreatedAt,
    UpdatedAt,
    Priority,
}
