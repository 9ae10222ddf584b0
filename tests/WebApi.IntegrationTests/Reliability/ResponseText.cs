using System.Text;

namespace NovaPulse.WebApi.IntegrationTests.Reliability;

/// <summary>
/// Reads a response body for the suites. A server-sent event stream never ends, so of those only what arrives within
/// a short window is read (enough to see a leaked event, which is written the moment the stream opens on a resume).
/// Send with <see cref="HttpCompletionOption.ResponseHeadersRead"/> so a stream's headers come back at all.
/// </summary>
public static class ResponseText
{
    public const string EventStream = "text/event-stream";

    public static readonly TimeSpan StreamWindow = TimeSpan.FromMilliseconds(400);

    public static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage request) =>
        client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

    public static async Task<string> ReadAsync(HttpResponseMessage response)
    {
        if (response.Content.Headers.ContentType?.MediaType != EventStream)
        {
            return await response.Content.ReadAsStringAsync();
        }

        var text = new StringBuilder();
        using var window = new CancellationTokenSource(StreamWindow);
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[4096];
        try
        {
            int read;
            while ((read = await body.ReadAsync(buffer, window.Token)) > 0)
            {
                text.Append(Encoding.UTF8.GetString(buffer, 0, read));
            }
        }
        catch (OperationCanceledException) when (window.IsCancellationRequested)
        {
            // The window closed on an open stream: what arrived is the body to check.
        }

        response.Dispose();
        return text.ToString();
    }
}
