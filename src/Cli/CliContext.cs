using Spectre.Console;

namespace NovaPulse.Cli;

/// <summary>What a run of the CLI talks to: its output streams, environment, password prompt and (in tests) HTTP transport.</summary>
public sealed class CliContext
{
    public required TextWriter Out { get; init; }

    public required TextWriter Error { get; init; }

    /// <summary>Reads an environment variable (tests pass their own).</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>Asks for a secret without echoing it.</summary>
    public Func<string, string> ReadSecret { get; init; } = DefaultReadSecret;

    /// <summary>Transport for the SDK, null for the default.</summary>
    public HttpMessageHandler? HttpHandler { get; init; }

    /// <summary>Transport for <c>listen</c>'s forwarded requests, null for the default.</summary>
    public HttpMessageHandler? ForwardHandler { get; init; }

    public static CliContext FromConsole() => new() { Out = Console.Out, Error = Console.Error };

    private static string DefaultReadSecret(string prompt)
    {
        if (Console.IsInputRedirected)
        {
            return Console.ReadLine() ?? "";
        }

        return AnsiConsole.Prompt(new TextPrompt<string>(prompt).Secret());
    }
}

/// <summary>The command line was wrong or the CLI is not set up; exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
