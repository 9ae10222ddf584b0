using System.CommandLine;
using NovaPulse.Sdk.Generated;
using Spectre.Console;

namespace NovaPulse.Cli.Commands;

/// <summary><c>novapulse upload PATH [--public] [--folder]</c>: streams a file to the media library with a progress bar (on stderr).</summary>
internal static class UploadCommand
{
    public static Command Create(CliContext context, Option<bool> json)
    {
        var path = new Argument<string>("path") { Description = "The file to upload" };
        var isPublic = new Option<bool>("--public") { Description = "Make the file public (a stable URL); private by default" };
        var folder = new Option<string?>("--folder") { Description = "A folder label, e.g. marketing/2026" };
        var command = new Command("upload", "Upload a file to the media library") { path, isPublic, folder };
        command.SetAction((r, ct) => CommandRunner.Run(context, r.GetValue(json), async () =>
        {
            var file = new FileInfo(r.GetValue(path)!);
            if (!file.Exists)
            {
                throw new UsageException($"No file at {file.FullName}.");
            }

            using var client = CliConnection.Connect(context);
            if (r.GetValue(json))
            {
                return await client.UploadAsync(file.FullName, r.GetValue(isPublic), folder: r.GetValue(folder), cancellationToken: ct);
            }

            UploadDto? upload = null;
            var console = CliConsole.For(context.Error);
            if (!console.Profile.Capabilities.Interactive)
            {
                // No terminal to redraw a bar on (a pipe, a CI log): a line per quarter instead.
                var quarters = new QuarterLines(context.Error, file.Name, file.Length);
                return await client.UploadAsync(file.FullName, r.GetValue(isPublic), quarters, r.GetValue(folder), ct);
            }

            await console.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
                .StartAsync(async progress =>
                {
                    var bar = progress.AddTask(Markup.Escape(file.Name), maxValue: Math.Max(1, file.Length));
                    upload = await client.UploadAsync(
                        file.FullName, r.GetValue(isPublic), new Progress<long>(sent => bar.Value = sent), r.GetValue(folder), ct);
                    bar.Value = bar.MaxValue;
                });
            return upload!;
        }, result =>
        {
            var upload = (UploadDto)result;
            return $"Uploaded {upload.Name} ({upload.Size} bytes) as {upload.Id}{(upload.IsPublic == true ? ", public" : "")}: {upload.Url}";
        }, ct));
        return command;
    }

    /// <summary>Progress as plain lines at 0, 25, 50, 75 and 100 percent.</summary>
    private sealed class QuarterLines(TextWriter writer, string name, long total) : IProgress<long>
    {
        private int _next;

        public void Report(long value)
        {
            var percent = total == 0 ? 100 : (int)(value * 100 / total);
            while (_next <= 100 && percent >= _next)
            {
                writer.WriteLine($"{name}: {_next}% ({Math.Min(value, total)}/{total} bytes)");
                _next += 25;
            }
        }
    }
}
