using System.CommandLine;

namespace NovaPulse.Cli.Commands;

/// <summary><c>novapulse init [--api-url]</c>: writes the profile config file (mode 0600).</summary>
internal static class InitCommand
{
    public static Command Create(CliContext context, Option<bool> json)
    {
        var apiUrl = new Option<string?>("--api-url") { Description = $"API root (default: $NOVAPULSE_API_URL or {CliConnection.DefaultApiUrl})" };
        var command = new Command("init", "Write the profile config file (mode 0600)") { apiUrl };
        command.SetAction((r, ct) => CommandRunner.Run(context, r.GetValue(json), () =>
        {
            var path = CliConfig.PathFor(context);
            var config = CliConfig.Load(path);
            config.ApiUrl = r.GetValue(apiUrl) ?? context.GetEnvironmentVariable("NOVAPULSE_API_URL") ?? config.ApiUrl ?? CliConnection.DefaultApiUrl;
            CliConnection.ValidateUrl(config.ApiUrl);
            config.Save(path);
            return Task.FromResult<object>(new InitResult(path, config.ApiUrl));
        }, result => $"Wrote {((InitResult)result).ConfigPath} (API: {((InitResult)result).ApiUrl})", ct));
        return command;
    }

    private sealed record InitResult(string ConfigPath, string ApiUrl);
}
