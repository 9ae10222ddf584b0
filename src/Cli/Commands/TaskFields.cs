using System.CommandLine;

namespace NovaPulse.Cli.Commands;

/// <summary>The task options <c>task:create</c> and <c>task:update</c> share.</summary>
internal sealed class TaskFields
{
    public Option<string?> Description { get; } = new("--description") { Description = "Description" };

    public Option<string?> Status { get; } = new("--status") { Description = "todo, in_progress, done, ..." };

    public Option<string?> Priority { get; } = new("--priority") { Description = "low, medium, high, urgent" };

    public Option<string?> Due { get; } = new("--due") { Description = "Due date, ISO 8601 (UTC unless an offset is given)" };

    public Option<string?> Assignee { get; } = new("--assignee") { Description = "Member id to assign" };

    public Option<string[]> Tags { get; } = new("--tag") { Description = "A tag (repeat for several)", AllowMultipleArgumentsPerToken = false };

    public void AddTo(Command command)
    {
        command.Add(Description);
        command.Add(Status);
        command.Add(Priority);
        command.Add(Due);
        command.Add(Assignee);
        command.Add(Tags);
    }
}
