using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;

namespace NovaPulse.Cluster.Tests;

/// <summary>
/// A well-behaved client under steady load: a few loops that each create a task (with an <c>Idempotency-Key</c>) and
/// list tasks, retrying the same request only on 502/503/504, a refused or cut connection, or a timeout. Anything else
/// that is not a success is recorded as a failure.
/// </summary>
public sealed class SteadyLoad(HttpClient client)
{
    private const int MaxAttempts = 40;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(30);

    private int _retries;

    /// <summary>Titles of the tasks whose creation the client saw succeed (201).</summary>
    public ConcurrentBag<string> Created { get; } = [];

    /// <summary>Requests answered with a status a client must not retry, or still failing after every attempt.</summary>
    public ConcurrentBag<string> Failures { get; } = [];

    public int Retries => _retries;

    public Task RunAsync(int loops, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, loops).Select(loop => Task.Run(() => LoopAsync(loop, stop), CancellationToken.None)));

    private async Task LoopAsync(int loop, CancellationToken stop)
    {
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var title = $"Load {loop}-{i}";
            var key = Guid.NewGuid().ToString("N");
            var created = await SendAsync($"POST {title}", () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tasks") { Content = JsonContent.Create(new { title }) };
                request.Headers.Add("Idempotency-Key", key);
                return request;
            });
            if (created == HttpStatusCode.Created)
            {
                Created.Add(title);
            }

            await SendAsync("GET list", () => new HttpRequestMessage(HttpMethod.Get, "/api/v1/tasks?limit=5"));
            await Task.Delay(20, CancellationToken.None);
        }
    }

    private async Task<HttpStatusCode?> SendAsync(string what, Func<HttpRequestMessage> request)
    {
        string? last = null;
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            if (attempt > 1)
            {
                Interlocked.Increment(ref _retries);
                await Task.Delay(RetryDelay);
            }

            try
            {
                using var timeout = new CancellationTokenSource(AttemptTimeout);
                using var message = request();
                using var response = await client.SendAsync(message, timeout.Token);
                if (response.StatusCode is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout)
                {
                    last = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    continue;
                }

                if (!response.IsSuccessStatusCode)
                {
                    Failures.Add($"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }

                return response.StatusCode;
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
            {
                last = e.GetType().Name + ": " + e.Message;
            }
        }

        Failures.Add($"{what}: still failing after {MaxAttempts} attempts ({last})");
        return null;
    }
}
