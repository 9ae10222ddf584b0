using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NovaPulse.Cluster.Tests;

/// <summary>A tiny Kestrel endpoint on a loopback port that counts each <c>webhook-id</c> it receives.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookReceiver(WebApplication app) => _app = app;

    public ConcurrentDictionary<string, int> Received { get; } = new();

    public string Url => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/hook";

    /// <summary>Each answer waits <paramref name="delay"/>, so a batch is still in flight when a host is killed.</summary>
    public static async Task<WebhookReceiver> StartAsync(TimeSpan delay = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hook", async (HttpRequest request) =>
        {
            receiver.Received.AddOrUpdate(request.Headers["webhook-id"].ToString(), 1, (_, n) => n + 1);
            await Task.Delay(delay);
            return Results.Ok();
        });
        await app.StartAsync();
        return receiver;
    }

    /// <summary>Waits until <paramref name="count"/> distinct ids arrived, or the deadline passed.</summary>
    public async Task WaitForAsync(int count, TimeSpan deadline)
    {
        var until = DateTime.UtcNow + deadline;
        while (Received.Count < count && DateTime.UtcNow < until)
        {
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
