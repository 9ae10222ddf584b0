using System.CommandLine;
using NovaPulse.Sdk.Generated;

namespace NovaPulse.Cli.Commands;

/// <summary><c>novapulse task:get ID</c>.</summary>
internal static class TaskGetCommand
{
    public static Command Create(CliContext context, Option<bool> json)
    {
        var id = new Argument<string>("id") { Description = "Task id" };
        var command = new Command("task:get", "Show a task") { id };
        command.SetAction((r, ct) => CommandRunner.Run(context, r.GetValue(json), async () =>
        {
            using var client = CliConnection.Connect(context);
            return await client.GetTaskAsync(CliArguments.ParseGuid(r.GetValue(id), "id")!.Value, ct);
        }, result => TaskOutput.Details((TaskDto)result), ct));
        return command;
    }
}
