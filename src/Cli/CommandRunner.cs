using System.Text.Json;
using NovaPulse.Sdk;

namespace NovaPulse.Cli;

/// <summary>Runs one command body and maps its outcome to output (text or <c>--json</c>) and an exit code.</summary>
internal static class CommandRunner
{
    private static readonly JsonSerializerOptions OutputJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<int> Run(CliContext context, bool json, Func<Task<object>> body, Func<object, string> text, CancellationToken cancelled = default)
    {
        try
        {
            var result = await body();
            if (json)
            {
                await context.Out.WriteLineAsync(JsonSerializer.Serialize(result, result.GetType(), OutputJson));
            }
            else
            {
                var rendered = text(result);
                if (rendered.Length > 0)
                {
                    await context.Out.WriteLineAsync(rendered);
                }
            }

            return CliApp.Ok;
        }
        catch (OperationCanceledException) when (cancelled.IsCancellationRequested)
        {
            // Ctrl+C on a long-running command (listen): a normal end.
            return CliApp.Ok;
        }
        catch (UsageException e)
        {
            await context.Error.WriteLineAsync("Error: " + e.Message);
            return CliApp.UsageError;
        }
        catch (NovaPulseApiException e)
        {
            await context.Error.WriteLineAsync("Error: " + e.Message);
            if (json)
            {
                await context.Out.WriteLineAsync(JsonSerializer.Serialize(new { status = e.Status, code = e.Code, type = e.Type, title = e.Title, detail = e.Detail, errors = e.Errors, traceId = e.TraceId }, OutputJson));
            }

            return CliApp.ApiError;
        }
        catch (HttpRequestException e)
        {
            await context.Error.WriteLineAsync($"Error: could not reach the API ({e.Message}).");
            return CliApp.ApiError;
        }
    }
}
