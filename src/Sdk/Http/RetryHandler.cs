using System.Net;

namespace NovaPulse.Sdk.Http;

/// <summary>
/// Retries with exponential backoff and jitter: 429 always (the API did not run the request), 5xx and transport errors
/// only when a repeat is safe (GET, HEAD, PUT, DELETE, OPTIONS, or a request with an <c>Idempotency-Key</c>).
/// A <c>Retry-After</c> from the server sets the wait, capped by the maximum delay.
/// </summary>
public sealed class RetryHandler : DelegatingHandler
{
    private readonly int _maxRetries;
    private readonly TimeSpan _baseDelay;
    private readonly TimeSpan _maxDelay;
    private readonly TimeProvider _time;

    public RetryHandler(int maxRetries, TimeSpan baseDelay, TimeSpan maxDelay, TimeProvider? timeProvider = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxRetries);
        _maxRetries = maxRetries;
        _baseDelay = baseDelay;
        _maxDelay = maxDelay;
        _time = timeProvider ?? TimeProvider.System;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var repeatable = IsRepeatable(request);
        for (var attempt = 0; ; attempt++)
        {
            HttpResponseMessage response;
            try
            {
                response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException) when (repeatable && attempt < _maxRetries && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(Backoff(attempt), _time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            var status = (int)response.StatusCode;
            var retryable = status == (int)HttpStatusCode.TooManyRequests || (repeatable && status >= 500 && status != 501);
            if (!retryable || attempt >= _maxRetries)
            {
                return response;
            }

            var delay = RetryAfter(response) ?? Backoff(attempt);
            response.Dispose();
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool IsRepeatable(HttpRequestMessage request) =>
        request.Method == HttpMethod.Get || request.Method == HttpMethod.Head || request.Method == HttpMethod.Put
        || request.Method == HttpMethod.Delete || request.Method == HttpMethod.Options
        || request.Headers.Contains(IdempotencyKeyHandler.HeaderName);

    private TimeSpan Backoff(int attempt)
    {
        var exponential = _baseDelay.TotalMilliseconds * Math.Pow(2, attempt);
#pragma warning disable CA5394 // Jitter, not security.
        var jittered = exponential * (0.8 + (Random.Shared.NextDouble() * 0.4));
#pragma warning restore CA5394
        return TimeSpan.FromMilliseconds(Math.Min(jittered, _maxDelay.TotalMilliseconds));
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        TimeSpan? wait = header?.Delta ?? (header?.Date is { } date ? date - _time.GetUtcNow() : null);
        if (wait is null)
        {
            return null;
        }

        return wait.Value < TimeSpan.Zero ? TimeSpan.Zero : wait.Value > _maxDelay ? _maxDelay : wait.Value;
    }
}
