using System.Text;

namespace NovaPulse.WebApi.IntegrationTests.Infrastructure;

/// <summary>One server-sent event: its fields, or a comment (heartbeat).</summary>
public sealed record SseMessage(string? Id, string? Event, string? Data, string? Comment);

/// <summary>Opens <c>GET /api/v1/events/stream</c> and parses its messages as an EventSource would.</summary>
public sealed class SseReader : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private SseReader(HttpResponseMessage response, Stream body)
    {
        _response = response;
        _reader = new StreamReader(body, Encoding.UTF8);
    }

    public HttpResponseMessage Response => _response;

    /// <summary>Connects; the response's headers have arrived when this returns (check <see cref="Response"/>).</summary>
    public static async Task<SseReader> OpenAsync(HttpClient client, string query = "", string? lastEventId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/events/stream" + query);
        // As an EventSource does: errors must still come back as ProblemDetails.
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return new SseReader(response, await response.Content.ReadAsStreamAsync());
    }

    /// <summary>The next message (event or comment); fails the test if none arrives in time.</summary>
    public async Task<SseMessage> NextAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        string? id = null, type = null, comment = null;
        var data = new List<string>();
        while (true)
        {
            var line = await _reader.ReadLineAsync(cts.Token) ?? throw new InvalidOperationException("The stream ended.");
            if (line.Length == 0)
            {
                if (id is null && type is null && data.Count == 0 && comment is null)
                {
                    continue;
                }

                return new SseMessage(id, type, data.Count > 0 ? string.Join('\n', data) : null, comment);
            }

            if (line.StartsWith(':'))
            {
                comment = line[1..].Trim();
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? "" : line[(colon + 1)..].TrimStart(' ');
            switch (field)
            {
                case "id": id = value; break;
                case "event": type = value; break;
                case "data": data.Add(value); break;
                default: break;
            }
        }
    }

    /// <summary>The next event (skipping comments).</summary>
    /// <summary>The next event, skipping heartbeats; fails the test if none arrives in time (heartbeats do not extend it).</summary>
    public async Task<SseMessage> NextEventAsync(TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            var message = left > TimeSpan.Zero ? await NextAsync(left) : throw new TimeoutException("No event arrived, only heartbeats.");
            if (message.Event is not null)
            {
                return message;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        await Task.CompletedTask;
    }
}
