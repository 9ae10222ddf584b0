using System.Globalization;
using System.Text.Json;
using NovaPulse.Sdk.Generated;
using Spectre.Console;

namespace NovaPulse.Cli.Commands;

/// <summary>How tasks read on a terminal: one task as labelled lines, several as a table.</summary>
internal static class TaskOutput
{
    public static string Details(TaskDto task) => string.Join(Environment.NewLine,
        $"Id:          {task.Id}",
        $"Title:       {task.Title}",
        $"Status:      {Name(task.Status)}",
        $"Priority:    {Name(task.Priority)}",
        $"Due:         {task.DueDate?.ToString("u", CultureInfo.InvariantCulture)}",
        $"Assignee:    {task.AssigneeId}",
        $"Tags:        {string.Join(", ", task.Tags ?? [])}",
        $"Version:     {task.Version}",
        $"Description: {task.Description}");

    public static string Table(CliContext context, List<TaskDto> tasks)
    {
        var table = new Table().AddColumns("Id", "Title", "Status", "Priority", "Due", "Tags");
        foreach (var task in tasks)
        {
            table.AddRow(
                Markup.Escape(task.Id?.ToString() ?? ""),
                Markup.Escape(task.Title ?? ""),
                Name(task.Status),
                Name(task.Priority),
                task.DueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                Markup.Escape(string.Join(", ", task.Tags ?? [])));
        }

        CliConsole.For(context.Out).Write(table);
        return tasks.Count == 0 ? "No tasks." : "";
    }

    private static string Name<TEnum>(TEnum? value)
        where TEnum : struct, Enum => value is { } v ? JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString()) : "";
}
