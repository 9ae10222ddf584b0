using System.CommandLine;
using NovaPulse.Cli.Commands;

namespace NovaPulse.Cli;

/// <summary>The <c>novapulse</c> commands, one per file under Commands/. Exit codes: 0 ok, 1 API error, 2 usage error.</summary>
public static class CliApp
{
    public const int Ok = 0;
    public const int ApiError = 1;
    public const int UsageError = 2;

    /// <summary>Runs one command line; output goes to the context's writers.</summary>
    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var root = BuildCommands(context);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await context.Error.WriteLineAsync("Error: " + error.Message);
            }

            await context.Error.WriteLineAsync("Run 'novapulse --help' for usage.");
            return UsageError;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { Output = context.Out, Error = context.Error }, cancellationToken);
    }

    private static RootCommand BuildCommands(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Write JSON for scripts instead of tables and text", Recursive = true };
        return new RootCommand("novapulse: manage NovaPulse from the command line.")
        {
            json,
            InitCommand.Create(context, json),
            LoginCommand.Create(context, json),
            LogoutCommand.Create(context, json),
            WhoAmICommand.Create(context, json),
            TaskCreateCommand.Create(context, json),
            TaskListCommand.Create(context, json),
            TaskGetCommand.Create(context, json),
            TaskUpdateCommand.Create(context, json),
            UploadCommand.Create(context, json),
            WebhookListCommand.Create(context, json),
            ListenCommand.Create(context, json),
        };
    }
}
