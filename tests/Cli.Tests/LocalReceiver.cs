using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NovaPulse.Sdk;

namespace NovaPulse.Cli.Tests;

/// <summary>What a developer's local webhook receiver sees from <c>novapulse listen</c>, checked with the SDK's verifier.</summary>
public sealed record ReceivedWebhook(string Body, string? WebhookId, string? VerificationError);

/// <summary>A loopback HTTP receiver that verifies each request's Standard Webhooks signature with the secret it is given.</summary>
public sealed class LocalReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();

    private LocalReceiver(WebApplication app) => _app = app;

    public string Url { get; private set; } = "";

    /// <summary>The signing secret <c>listen</c> printed; requests before it is known fail verification.</summary>
    public string Secret { get; set; } = "";

    public IReadOnlyList<ReceivedWebhook> Received => [.. _received];

    public static async Task<LocalReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new LocalReceiver(app);
        app.MapPost("/webhooks", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            string? error = null;
            try
            {
                WebhookVerifier.Verify(request.Headers.Select(h => KeyValuePair.Create(h.Key, h.Value.ToString())), body, receiver.Secret);
            }
            catch (WebhookVerificationException e)
            {
                error = e.Message;
            }

            receiver._received.Enqueue(new ReceivedWebhook(body, request.Headers["webhook-id"], error));
            return error is null ? Results.Ok() : Results.BadRequest();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = $"http://127.0.0.1:{new Uri(address).Port}/webhooks";
        return receiver;
    }

    public async Task<ReceivedWebhook> WaitForFirstAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (_received.IsEmpty)
        {
            Assert.True(DateTime.UtcNow < deadline, "the receiver got nothing");
            await Task.Delay(50);
        }

        return _received.First();
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
