using System.Diagnostics;

namespace NovaPulse.WebApi.IntegrationTests.Infrastructure;

/// <summary>Runs one of the repository's scripts/*.sh (the same ones operators and CI use) and returns its stdout.</summary>
public static class RepositoryScript
{
    public static async Task<string> RunAsync(string script, string command, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryRoot.Path, "scripts", script), command])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} {command} exited with {process.ExitCode}: {await output}{await error}");
        }

        return await output;
    }
}
