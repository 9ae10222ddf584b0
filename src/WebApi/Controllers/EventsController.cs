using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NovaPulse.Application.Events.Read;
using NovaPulse.WebApi.Infrastructure.Auth;
using NovaPulse.WebApi.Infrastructure.Events;
using NovaPulse.WebApi.Infrastructure.OpenApi;

namespace NovaPulse.WebApi.Controllers;

[Route("api/v{version:apiVersion}/events")]
[Authorize]
public sealed class EventsController : ApiControllerBase
{
    /// <summary>
    /// The company's events live, as server-sent events (<c>text/event-stream</c>): from now, or after the event named by
    /// the <c>Last-Event-ID</c> header when reconnecting. Each message has <c>id</c> (msg_...), <c>event</c> (the type) and
    /// <c>data</c> (the same JSON a webhook delivery carries); a <c>: heartbeat</c> comment is sent during silences. Only the
    /// types the caller's role may see are sent (<c>minimumRole</c> in <c>GET /webhooks/event-types</c>).
    /// Each member or API key may hold the plan's <c>eventStreamsPerPrincipal</c> streams open at once (across hosts); one more
    /// is 429 <c>event_stream_limit_reached</c> with <c>Retry-After</c>. A <c>Last-Event-ID</c> older than the outbox retention
    /// (7 days by default) is 410 <c>event_position_expired</c>: reconnect without it and re-read current state.
    /// </summary>
    /// <param name="events">Only these types (repeat or comma-separate); all the caller may see when absent; above its role: 403.</param>
    /// <param name="lastEventId">Resume after this event (sent automatically by EventSource clients on reconnect).</param>
    /// <param name="cancellationToken">Ends the stream when the client disconnects.</param>
    [HttpGet("stream")]
    [AuthorizeAs<ReadEventsQuery>]
    [ServerSentEvents]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status410Gone)]
    public async Task Stream(
        [FromQuery] string[]? events, [FromHeader(Name = "Last-Event-ID")] string? lastEventId, CancellationToken cancellationToken)
    {
        var types = events?.SelectMany(e => e.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        await HttpContext.RequestServices.GetRequiredService<EventStreamer>()
            .RunAsync(HttpContext, Sender, types is { Count: > 0 } ? types : null, lastEventId, cancellationToken);
    }
}
