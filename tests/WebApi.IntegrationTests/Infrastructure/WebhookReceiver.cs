using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NovaPulse.WebApi.IntegrationTests.Infrastructure;

/// <summary>One request a receiver got: path, headers (lower-case names), raw body.</summary>
public sealed record ReceivedRequest(string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string WebhookId => Headers["webhook-id"];
}

/// <summary>
/// A real HTTP server on 127.0.0.1 (Kestrel, random port) that records every request and answers with whatever
/// <see cref="Respond"/> decides (200 by default): the customer's endpoint in the webhook tests.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedRequest> _requests = new();

    // Ports are reused across tests while finished tests' hosts may still retry: a receiver only records requests
    // under its own random prefix and tells strangers 410 Gone (which disables their endpoint).
    private readonly string _prefix = "/" + Guid.NewGuid().ToString("N");

    private WebhookReceiver(WebApplication app) => _app = app;

    /// <summary>Decides the answer to each request; the argument is how many requests arrived before it.</summary>
    public Func<ReceivedRequest, int, (int Status, IReadOnlyDictionary<string, string>? Headers, string? Body)> Respond { get; set; } =
        (_, _) => (200, null, "ok");

    /// <summary>Optional delay before answering (to catch a host mid-delivery).</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>The receiver's own root (host and its private path prefix).</summary>
    public string BaseUrl { get; private set; } = "";

    public string Url => BaseUrl + "/hook";

    public IReadOnlyList<ReceivedRequest> Requests => [.. _requests];

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.Run(receiver.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.BaseUrl = address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + receiver._prefix;
        return receiver;
    }

    /// <summary>Waits (polling, real time) until the received requests satisfy <paramref name="condition"/>.</summary>
    public async Task<IReadOnlyList<ReceivedRequest>> WaitForAsync(Func<IReadOnlyList<ReceivedRequest>, bool> condition, int timeoutSeconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (true)
        {
            var requests = Requests;
            if (condition(requests))
            {
                return requests;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The receiver got {requests.Count} request(s): {string.Join(", ", requests.Select(r => r.Headers.GetValueOrDefault("webhook-id")))}");
            }

            await Task.Delay(20);
        }
    }

    public Task<IReadOnlyList<ReceivedRequest>> WaitForCountAsync(int count, int timeoutSeconds = 15) =>
        WaitForAsync(r => r.Count >= count, timeoutSeconds);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments(_prefix, out var path))
        {
            context.Response.StatusCode = StatusCodes.Status410Gone;
            return;
        }

        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());
        var request = new ReceivedRequest(path, headers, body);
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay);
        }

        var (status, responseHeaders, responseBody) = Respond(request, _requests.Count);
        _requests.Enqueue(request);
        context.Response.StatusCode = status;
        foreach (var (name, value) in responseHeaders ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        if (responseBody is not null)
        {
            await context.Response.WriteAsync(responseBody);
        }
    }
}
