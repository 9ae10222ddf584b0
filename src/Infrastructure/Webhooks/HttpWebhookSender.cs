using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using NovaPulse.Application.Webhooks.Common;
using NovaPulse.Domain.Webhooks;
using NovaPulse.Infrastructure.Metrics;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace NovaPulse.Infrastructure.Webhooks;

/// <summary>
/// POSTs through the named <see cref="ClientName"/> client: no redirects, SSRF check at connect time, per-attempt timeout
/// and per-host circuit breaker, and no retries (the delivery schedule owns them).
/// </summary>
public sealed class HttpWebhookSender(IHttpClientFactory clients, TimeProvider clock) : IWebhookSender
{
    public const string ClientName = "webhooks";

    public async Task<WebhookSendResult> SendAsync(Uri url, IReadOnlyDictionary<string, string> headers, string body, CancellationToken cancellationToken)
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        foreach (var (name, value) in headers)
        {
            if (!name.Equals("content-type", StringComparison.OrdinalIgnoreCase))
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var excerpt = await ReadExcerptAsync(response, cancellationToken);
            return new WebhookSendResult((int)response.StatusCode, excerpt, Elapsed(started), null, RetryAfter(response));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw; // shutting down: the lease expires and another worker retries this attempt
        }
        catch (Exception e) when (e is TimeoutRejectedException or TaskCanceledException)
        {
            return Failure(started, "The endpoint did not answer within the timeout.");
        }
        catch (BrokenCircuitException)
        {
            return Failure(started, $"Circuit open for {url.Authority} after repeated failures; not attempted.");
        }
        catch (HttpRequestException e)
        {
            return Failure(started, e.InnerException is { } inner && inner.Message != e.Message ? $"{e.Message} ({inner.Message})" : e.Message);
        }
    }

    private static WebhookSendResult Failure(long started, string error) => new(null, null, Elapsed(started), error, null);

    private static TimeSpan Elapsed(long started)
    {
        var elapsed = Stopwatch.GetElapsedTime(started);
        WebhookMetrics.RecordAttempt(elapsed);
        return elapsed;
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - clock.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };

    private static async Task<string?> ReadExcerptAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[WebhookAttempt.ResponseBodyMaxLength];
            var read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
            return read == 0 ? null : Encoding.UTF8.GetString(buffer, 0, read);
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            return null;
        }
    }
}
