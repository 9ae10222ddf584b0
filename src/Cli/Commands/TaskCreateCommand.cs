using System.CommandLine;
using NovaPulse.Sdk.Generated;

namespace NovaPulse.Cli.Commands;

/// <summary><c>novapulse task:create --title T [fields]</c>.</summary>
internal static class TaskCreateCommand
{
    public static Command Create(CliContext context, Option<bool> json)
    {
        var title = new Option<string>("--title") { Description = "Title", Required = true };
        var fields = new TaskFields();
        var command = new Command("task:create", "Create a task") { title };
        fields.AddTo(command);
        command.SetAction((r, ct) => CommandRunner.Run(context, r.GetValue(json), async () =>
        {
            using var client = CliConnection.Connect(context);
            return await client.CreateTaskAsync(new CreateTaskCommand
            {
                Title = r.GetValue(title)!,
                Description = r.GetValue(fields.Description),
                Status = CliArguments.ParseEnum<TaskItemStatus>(r.GetValue(fields.Status), "--status"),
                Priority = CliArguments.ParseEnum<TaskPriority>(r.GetValue(fields.Priority), "--priority"),
                DueDate = CliArguments.ParseDate(r.GetValue(fields.Due), "--due"),
                AssigneeId = CliArguments.ParseGuid(r.GetValue(fields.Assignee), "--assignee"),
                Tags = r.GetValue(fields.Tags) is { Length: > 0 } tags ? [.. tags] : null,
            }, ct);
        }, result => $"Created task {((TaskDto)result).Id}: {((TaskDto)result).Title}", ct));
        return command;
    }
}
