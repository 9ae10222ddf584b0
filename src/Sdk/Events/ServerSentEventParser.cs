using System.Globalization;
using System.Text;

namespace NovaPulse.Sdk.Events;

/// <summary>One parsed server-sent event; <see cref="Event"/> is null for a comment-only block (a heartbeat).</summary>
internal sealed record ServerSentEvent(string? Id, string? Event, string? Data, TimeSpan? Retry);

/// <summary>The text/event-stream format as the HTML spec defines it: fields until a blank line, comments start with ':'.</summary>
internal sealed class ServerSentEventParser(Stream stream) : IDisposable
{
    private readonly StreamReader _reader = new(stream, Encoding.UTF8);

    /// <summary>The next block, or null when the stream ended.</summary>
    public async Task<ServerSentEvent?> ReadAsync(CancellationToken cancellationToken)
    {
        string? id = null, type = null;
        TimeSpan? retry = null;
        var data = new List<string>();
        var any = false;
        while (await _reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (line.Length == 0)
            {
                if (any)
                {
                    return new ServerSentEvent(id, data.Count > 0 ? type ?? "message" : null, data.Count > 0 ? string.Join('\n', data) : null, retry);
                }

                continue;
            }

            any = true;
            if (line[0] == ':')
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? "" : line[(colon + 1)..];
            if (value.StartsWith(' '))
            {
                value = value[1..];
            }

            switch (field)
            {
                case "id":
                    id = value;
                    break;
                case "event":
                    type = value;
                    break;
                case "data":
                    data.Add(value);
                    break;
                case "retry" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ms):
                    retry = TimeSpan.FromMilliseconds(ms);
                    break;
                default:
                    break;
            }
        }

        return null;
    }

    public void Dispose() => _reader.Dispose();
}
