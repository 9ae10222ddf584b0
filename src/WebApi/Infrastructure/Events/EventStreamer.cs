using System.Diagnostics;
using System.Globalization;
using System.Text;
using Mediator;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Events.CloseStream;
using NovaPulse.Application.Events.Common;
using NovaPulse.Application.Events.OpenStream;
using NovaPulse.Application.Events.Position;
using NovaPulse.Application.Events.Read;
using NovaPulse.Application.Events.RenewStream;
using NovaPulse.Application.Webhooks.Common;
using NovaPulse.Infrastructure.Cluster;

namespace NovaPulse.WebApi.Infrastructure.Events;

/// <summary>
/// Writes the caller's company's events as server-sent events. It reads the committed outbox (not an in-process bus),
/// so an event raised on any host reaches a stream open on any other: at once when a commit of its company's events here
/// or a notice of one from another host (PostgreSQL NOTIFY) wakes it (<see cref="EventStreamSignal"/>), else every poll
/// interval. Each event is <c>id: msg_...</c>, <c>event: type</c>, <c>data: {webhook body}</c>; silence is broken by a
/// <c>: heartbeat</c> comment.
/// The stream ends when its credential stops being valid (<see cref="StreamAccessCheck"/>). Each open stream holds a leased
/// slot of its principal's plan limit, renewed while it runs and given back when it ends.
/// </summary>
public sealed class EventStreamer(
    IOptions<EventStreamOptions> options, TimeProvider clock, IHostApplicationLifetime lifetime, StreamAccessCheck access, EventStreamSignal committed)
{
    public async Task RunAsync(HttpContext http, ISender sender, IReadOnlyList<string>? types, string? lastEventId, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        // Without Last-Event-ID the stream starts now; an id the company does not have (another company's) also starts now.
        var floor = new EventPosition(clock.GetUtcNow(), Guid.Empty);
        if (lastEventId is not null)
        {
            floor = await sender.Send(new GetEventPositionQuery(lastEventId), cancellationToken) ?? floor;
        }

        // Woken by this company's commits only (the caller is signed in: the endpoint requires it).
        var companyId = http.RequestServices.GetRequiredService<ICurrentUser>().CompanyId ?? Guid.Empty;

        // The first read happens before the response starts: a bad filter or a missing role is still a ProblemDetails.
        var woken = committed.Next(companyId);
        var batch = await sender.Send(new ReadEventsQuery(floor.OccurredAt, floor.Id, types), cancellationToken);
        // So is a full set of open streams (429).
        var lease = await sender.Send(new OpenEventStreamCommand(settings.LeaseDuration), cancellationToken);

        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        var token = stop.Token;
        var body = http.Response.Body;
        try
        {
            await WriteAsync(body, $"retry: {(int)settings.ClientRetry.TotalMilliseconds}\n: connected\n\n", token);
            var seen = new Dictionary<Guid, DateTimeOffset>();
            var newest = floor;
            var sinceWrite = Stopwatch.StartNew();
            var sinceCheck = Stopwatch.StartNew();
            var sinceRenew = Stopwatch.StartNew();
            while (true)
            {
                foreach (var e in batch.Where(e => seen.TryAdd(e.Id, e.OccurredAt)))
                {
                    await WriteAsync(body, Format(e), token);
                    newest = Later(newest, new EventPosition(e.OccurredAt, e.Id));
                    sinceWrite.Restart();
                }

                EventPosition from;
                if (batch.Count == ReadEventsQuery.MaxLimit)
                {
                    // A full page: read on right after it without waiting.
                    from = new EventPosition(batch[^1].OccurredAt, batch[^1].Id);
                }
                else
                {
                    if (sinceWrite.Elapsed >= settings.HeartbeatInterval)
                    {
                        await WriteAsync(body, ": heartbeat\n\n", token);
                        sinceWrite.Restart();
                    }

                    await WaitAsync(woken, settings.PollInterval, token);
                    from = Later(floor, new EventPosition(newest.OccurredAt - settings.Lookback, Guid.Empty));
                    foreach (var old in seen.Where(s => s.Value < from.OccurredAt).Select(s => s.Key).ToList())
                    {
                        seen.Remove(old);
                    }
                }

                if (sinceCheck.Elapsed >= settings.RevalidateInterval)
                {
                    if (!await access.StillAllowedAsync(http))
                    {
                        return;
                    }

                    sinceCheck.Restart();
                }

                if (sinceRenew.Elapsed >= settings.LeaseDuration / 3)
                {
                    // A lease that lapsed (this host stalled) may already be someone else's slot: end, the client reconnects.
                    if (!await sender.Send(new RenewEventStreamCommand(lease, settings.LeaseDuration), token))
                    {
                        return;
                    }

                    sinceRenew.Restart();
                }

                // Taken before the read, so a commit that lands while it runs still wakes the next wait.
                woken = committed.Next(companyId);
                batch = await sender.Send(new ReadEventsQuery(from.OccurredAt, from.Id, types), token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException && (token.IsCancellationRequested || http.RequestAborted.IsCancellationRequested))
        {
            // The client went away or the host is stopping: the stream simply ends; clients reconnect with Last-Event-ID.
        }
        finally
        {
            await CloseAsync(sender, lease);
        }
    }

    /// <summary>Gives the slot back at once; if the database cannot be reached now, the lease lapses instead.</summary>
    private static async Task CloseAsync(ISender sender, Guid lease)
    {
        try
        {
            await sender.Send(new CloseEventStreamCommand(lease), CancellationToken.None);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Nothing to tell a client that has gone; the lease expires within EventStream:LeaseDuration.
        }
    }

    /// <summary>One SSE message; the JSON is the same body a webhook delivery carries (one line, but split defensively).</summary>
    public static string Format(StreamedEvent e)
    {
        var id = PublicEventId.Format(e.Id);
        var json = WebhookMessage.Build(id, e.Type, e.OccurredAt, e.Payload);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"id: {id}\nevent: {e.Type}\n");
        foreach (var line in json.Split('\n'))
        {
            text.Append("data: ").Append(line.TrimEnd('\r')).Append('\n');
        }

        return text.Append('\n').ToString();
    }

    private static EventPosition Later(EventPosition a, EventPosition b) =>
        a.OccurredAt > b.OccurredAt || (a.OccurredAt == b.OccurredAt && a.Id.CompareTo(b.Id) >= 0) ? a : b;

    /// <summary>Until the next commit or the poll interval, whichever comes first.</summary>
    private static async Task WaitAsync(Task woken, TimeSpan pollInterval, CancellationToken cancellationToken)
    {
        using var poll = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var timer = Task.Delay(pollInterval, poll.Token);
        await Task.WhenAny(woken, timer);
        await poll.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }

    private static async Task WriteAsync(Stream body, string text, CancellationToken cancellationToken)
    {
        await body.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
        await body.FlushAsync(cancellationToken);
    }
}
