using System.CommandLine;
using NovaPulse.Sdk.Generated;

namespace NovaPulse.Cli.Commands;

/// <summary><c>novapulse task:update ID [fields]</c>: changes only the fields given.</summary>
internal static class TaskUpdateCommand
{
    public static Command Create(CliContext context, Option<bool> json)
    {
        var id = new Argument<string>("id") { Description = "Task id" };
        var title = new Option<string?>("--title") { Description = "New title" };
        var fields = new TaskFields();
        var command = new Command("task:update", "Change some fields of a task") { id, title };
        fields.AddTo(command);
        command.SetAction((r, ct) => CommandRunner.Run(context, r.GetValue(json), async () =>
        {
            var changes = new UpdateTaskRequest
            {
                Title = r.GetValue(title),
                Description = r.GetValue(fields.Description),
                Status = CliArguments.ParseEnum<TaskItemStatus>(r.GetValue(fields.Status), "--status"),
                Priority = CliArguments.ParseEnum<TaskPriority>(r.GetValue(fields.Priority), "--priority"),
                DueDate = CliArguments.ParseDate(r.GetValue(fields.Due), "--due"),
                AssigneeId = CliArguments.ParseGuid(r.GetValue(fields.Assignee), "--assignee"),
                Tags = r.GetValue(fields.Tags) is { Length: > 0 } tags ? [.. tags] : null,
            };
            var taskId = CliArguments.ParseGuid(r.GetValue(id), "id")!.Value;
            using var client = CliConnection.Connect(context);
            return await client.UpdateTaskAsync(taskId, changes, cancellationToken: ct);
        }, result => $"Updated task {((TaskDto)result).Id} (version {((TaskDto)result).Version})", ct));
        return command;
    }
}
