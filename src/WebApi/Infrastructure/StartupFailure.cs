using System.Reflection;
using Microsoft.Extensions.Options;
using NovaPulse.Infrastructure.Persistence;

namespace NovaPulse.WebApi.Infrastructure;

/// <summary>
/// A configuration or database problem found while the host starts ends the process with one plain line per problem on
/// stderr and exit code 1, rather than as an unhandled exception (stack trace, SIGABRT, core dump) that buries the key
/// to set.
/// </summary>
public static class StartupFailure
{
    public const int ExitCode = 1;

    /// <summary>
    /// True for a problem the operator fixes, when this program is the process. Under a test's WebApplicationFactory
    /// the exception is left to reach the test, which asserts on it.
    /// </summary>
    public static bool IsReportable(Exception exception) =>
        Assembly.GetEntryAssembly() == typeof(StartupFailure).Assembly && Lines(exception) is not null;

    /// <summary>Writes the problems to stderr and returns the process exit code.</summary>
    public static int Report(Exception exception)
    {
        foreach (var line in Lines(exception) ?? [exception.Message])
        {
            Console.Error.WriteLine(line);
        }

        Console.Error.Flush();
        return ExitCode;
    }

    /// <summary>One line per problem; null when any part is not a startup problem (a bug stays a crash with its stack trace).</summary>
    public static IReadOnlyList<string>? Lines(Exception exception)
    {
        switch (exception)
        {
            // Host start and IStartupValidator collect every failing options class into one AggregateException.
            case AggregateException aggregate:
                var lines = new List<string>();
                foreach (var inner in aggregate.InnerExceptions)
                {
                    if (Lines(inner) is not { } innerLines)
                    {
                        return null;
                    }

                    lines.AddRange(innerLines);
                }

                return lines;
            case OptionsValidationException validation:
                return [.. validation.Failures.Select(OneLine)];
            case DatabaseStartupException or DatabaseNotMigratedException:
                return [OneLine(exception.Message)];
            // "Failed to convert configuration value 'Oracle' at 'Database:Provider' to type ...": names the key already.
            case InvalidOperationException when exception.TargetSite?.DeclaringType == typeof(ConfigurationBinder):
                return [OneLine(exception.Message)];
            default:
                return null;
        }
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
