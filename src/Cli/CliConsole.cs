using Spectre.Console;

namespace NovaPulse.Cli;

/// <summary>Spectre.Console on one of the context's writers: interactive on a terminal, plain text for pipes, logs and tests.</summary>
internal static class CliConsole
{
    public static IAnsiConsole For(TextWriter writer)
    {
        var terminal = (ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected)
            || (ReferenceEquals(writer, Console.Error) && !Console.IsErrorRedirected);
        if (terminal)
        {
            return AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer) });
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(writer),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 200; // not a terminal: no wrapping
        return console;
    }
}
