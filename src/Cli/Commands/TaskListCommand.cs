using System.CommandLine;
using NovaPulse.Sdk;
using NovaPulse.Sdk.Generated;

namespace NovaPulse.Cli.Commands;

/// <summary><c>novapulse task:list [filters] [--all]</c>: one page, or every page with <c>--all</c>.</summary>
internal static class TaskListCommand
{
    public static Command Create(CliContext context, Option<bool> json)
    {
        var status = new Option<string?>("--status") { Description = "todo, in_progress, done, ..." };
        var priority = new Option<string?>("--priority") { Description = "low, medium, high, urgent" };
        var tag = new Option<string?>("--tag") { Description = "Only tasks with this tag" };
        var assignee = new Option<string?>("--assignee") { Description = "Only tasks assigned to this member id" };
        var search = new Option<string?>("--search") { Description = "Text in title or description" };
        var sort = new Option<string?>("--sort") { Description = "Sort field, '-' for descending, e.g. -priority" };
        var limit = new Option<int?>("--limit") { Description = "Page size (1-100)" };
        var all = new Option<bool>("--all") { Description = "Follow the cursors and list every matching task" };
        var command = new Command("task:list", "List tasks") { status, priority, tag, assignee, search, sort, limit, all };
        command.SetAction((r, ct) => CommandRunner.Run(context, r.GetValue(json), async () =>
        {
            var filter = new TaskFilter
            {
                Status = CliArguments.ParseEnum<TaskItemStatus>(r.GetValue(status), "--status"),
                Priority = CliArguments.ParseEnum<TaskPriority>(r.GetValue(priority), "--priority"),
                Tag = r.GetValue(tag),
                AssigneeId = CliArguments.ParseGuid(r.GetValue(assignee), "--assignee"),
                Search = r.GetValue(search),
                Sort = r.GetValue(sort),
                Limit = r.GetValue(limit),
            };
            using var client = CliConnection.Connect(context);
            if (!r.GetValue(all))
            {
                return (await client.GetTasksAsync(filter, ct)).Items ?? [];
            }

            var tasks = new List<TaskDto>();
            await foreach (var task in client.ListAllTasksAsync(filter, ct))
            {
                tasks.Add(task);
            }

            return tasks;
        }, result => TaskOutput.Table(context, (List<TaskDto>)result), ct));
        return command;
    }
}
