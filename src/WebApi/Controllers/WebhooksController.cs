using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NovaPulse.Application.Common.Events;
using NovaPulse.Application.Common.Paging;
using NovaPulse.Application.Webhooks.Common;
using NovaPulse.Application.Webhooks.Create;
using NovaPulse.Application.Webhooks.Delete;
using NovaPulse.Application.Webhooks.EventTypes;
using NovaPulse.Application.Webhooks.Get;
using NovaPulse.Application.Webhooks.List;
using NovaPulse.Application.Webhooks.Logs;
using NovaPulse.Application.Webhooks.Recover;
using NovaPulse.Application.Webhooks.Replay;
using NovaPulse.Application.Webhooks.RotateSecret;
using NovaPulse.Application.Webhooks.Test;
using NovaPulse.Application.Webhooks.Update;
using NovaPulse.Domain.Common;
using NovaPulse.Domain.Webhooks;
using NovaPulse.WebApi.Infrastructure.Auth;
using NovaPulse.WebApi.Infrastructure.Middleware;

namespace NovaPulse.WebApi.Controllers;

[Route("api/v{version:apiVersion}/webhooks")]
[Authorize]
public sealed class WebhooksController : ApiControllerBase
{
    /// <summary>
    /// Subscribe an endpoint to events (Admin+). The signing secret is returned in full only here and on rotation. The plan's
    /// <c>webhookEndpoints</c> limit counts every endpoint, enabled or not: beyond it 402 <c>webhook_endpoint_limit_reached</c>.
    /// </summary>
    [HttpPost]
    [AuthorizeAs<CreateWebhookCommand>]
    [SkipIdempotency]
    [Consumes("application/json")]
    [ProducesResponseType<WebhookEndpointDto>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status402PaymentRequired)]
    public async Task<ActionResult<WebhookEndpointDto>> Create(CreateWebhookCommand command, CancellationToken cancellationToken)
    {
        var endpoint = await Sender.Send(command, cancellationToken);
        return CreatedAtAction(nameof(Get), new { id = endpoint.Id, version = "1" }, endpoint);
    }

    /// <summary>List the company's webhook endpoints, newest first (secrets masked).</summary>
    [HttpGet]
    [AuthorizeAs<ListWebhooksQuery>]
    [ProducesResponseType<Page<WebhookEndpointDto>>(StatusCodes.Status200OK)]
    public async Task<ActionResult<Page<WebhookEndpointDto>>> List([FromQuery] ListWebhooksQuery query, CancellationToken cancellationToken) =>
        await Sender.Send(query, cancellationToken);

    /// <summary>
    /// The event catalogue: every event type the platform emits, with a description, an example payload and
    /// <c>minimumRole</c>, the least role whose event stream (<c>GET /events/stream</c>) carries it; webhooks get every type.
    /// </summary>
    [HttpGet("event-types")]
    [AuthorizeAs<ListEventTypesQuery>]
    [ProducesResponseType<IReadOnlyList<EventType>>(StatusCodes.Status200OK)]
    public async Task<ActionResult<IReadOnlyList<EventType>>> EventTypes(CancellationToken cancellationToken) =>
        Ok(await Sender.Send(new ListEventTypesQuery(), cancellationToken));

    /// <summary>Get one webhook endpoint (secret masked).</summary>
    [HttpGet("{id:guid}")]
    [AuthorizeAs<GetWebhookQuery>]
    [ProducesResponseType<WebhookEndpointDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<WebhookEndpointDto>> Get(Guid id, CancellationToken cancellationToken) =>
        await Sender.Send(new GetWebhookQuery(id), cancellationToken);

    /// <summary>Change an endpoint's URL, events, description or enabled flag (Admin+); absent fields stay as they are.</summary>
    [HttpPatch("{id:guid}")]
    [AuthorizeAs<UpdateWebhookCommand>]
    [Consumes("application/json", "application/merge-patch+json")]
    [ProducesResponseType<WebhookEndpointDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<WebhookEndpointDto>> Update(Guid id, UpdateWebhookRequest request, CancellationToken cancellationToken) =>
        await Sender.Send(new UpdateWebhookCommand(id, request.Url, request.Events, request.Description, request.Enabled), cancellationToken);

    /// <summary>Delete an endpoint and its delivery logs (Admin+).</summary>
    [HttpDelete("{id:guid}")]
    [AuthorizeAs<DeleteWebhookCommand>]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Delete(Guid id, CancellationToken cancellationToken)
    {
        await Sender.Send(new DeleteWebhookCommand(id), cancellationToken);
        return NoContent();
    }

    /// <summary>Send a webhook.test event to the endpoint now and return the attempt's outcome (Admin+).</summary>
    [HttpPost("{id:guid}/test")]
    [AuthorizeAs<TestWebhookCommand>]
    [ProducesResponseType<WebhookTestResult>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<WebhookTestResult>> Test(Guid id, CancellationToken cancellationToken) =>
        await Sender.Send(new TestWebhookCommand(id), cancellationToken);

    /// <summary>Delivery logs: each delivery with its attempts (request headers, response status and body excerpt, duration, error).</summary>
    [HttpGet("{id:guid}/logs")]
    [AuthorizeAs<ListWebhookDeliveriesQuery>]
    [ProducesResponseType<Page<WebhookDeliveryDto>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<Page<WebhookDeliveryDto>>> Logs(
        Guid id, [FromQuery] WebhookDeliveryStatus? status, [FromQuery] string? eventType, [FromQuery] int? limit, [FromQuery] string? cursor,
        CancellationToken cancellationToken) =>
        await Sender.Send(new ListWebhookDeliveriesQuery(id, status, eventType, limit, cursor), cancellationToken);

    /// <summary>Re-send one delivery (same webhook-id) as a new delivery (Admin+).</summary>
    [HttpPost("{id:guid}/deliveries/{deliveryId:guid}/replay")]
    [AuthorizeAs<ReplayWebhookDeliveryCommand>]
    [ProducesResponseType<WebhookDeliveryDto>(StatusCodes.Status202Accepted)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<WebhookDeliveryDto>> Replay(Guid id, Guid deliveryId, CancellationToken cancellationToken) =>
        Accepted(await Sender.Send(new ReplayWebhookDeliveryCommand(id, deliveryId), cancellationToken));

    /// <summary>Re-send every delivery to this endpoint that failed since a time, e.g. after an outage (Admin+).</summary>
    [HttpPost("{id:guid}/recover")]
    [AuthorizeAs<RecoverWebhookCommand>]
    [Consumes("application/json")]
    [ProducesResponseType<RecoverWebhookResult>(StatusCodes.Status202Accepted)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<RecoverWebhookResult>> Recover(Guid id, RecoverWebhookRequest request, CancellationToken cancellationToken) =>
        Accepted(await Sender.Send(new RecoverWebhookCommand(id, request.Since), cancellationToken));

    /// <summary>Issue a new signing secret (Admin+); for 24 h deliveries are signed with both the new and the previous secret.</summary>
    [HttpPost("{id:guid}/rotate-secret")]
    [AuthorizeAs<RotateWebhookSecretCommand>]
    [SkipIdempotency]
    [ProducesResponseType<RotatedWebhookSecret>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<RotatedWebhookSecret>> RotateSecret(Guid id, CancellationToken cancellationToken) =>
        await Sender.Send(new RotateWebhookSecretCommand(id), cancellationToken);
}

/// <summary>A partial endpoint update: null or absent fields stay as they are; an empty description clears it.</summary>
public sealed record UpdateWebhookRequest(
    Optional<string?> Url, Optional<IReadOnlyList<string>?> Events, Optional<string?> Description, Optional<bool?> Enabled);

/// <summary>Failed deliveries created at or after <see cref="Since"/> are sent again.</summary>
public sealed record RecoverWebhookRequest(DateTimeOffset Since);
