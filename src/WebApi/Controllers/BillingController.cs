using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NovaPulse.Application.Billing.Cancel;
using NovaPulse.Application.Billing.Checkout;
using NovaPulse.Application.Billing.Common;
using NovaPulse.Application.Billing.Invoices;
using NovaPulse.Application.Billing.Me;
using NovaPulse.Application.Billing.Plans;
using NovaPulse.Application.Billing.Portal;
using NovaPulse.Application.Billing.Usage;
using NovaPulse.Application.Billing.Webhook;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Common.Paging;
using NovaPulse.WebApi.Infrastructure.Auth;
using NovaPulse.WebApi.Infrastructure.Middleware;
using NovaPulse.WebApi.Infrastructure.OpenApi;

namespace NovaPulse.WebApi.Controllers;

[Route("api/v{version:apiVersion}/billing")]
[Authorize]
public sealed class BillingController : ApiControllerBase
{
    /// <summary>The plans on offer with their prices, limits and features (no sign-in needed).</summary>
    [HttpGet("plans")]
    [AllowAnonymous]
    [ProducesResponseType<IReadOnlyList<PlanDto>>(StatusCodes.Status200OK)]
    public async Task<ActionResult<IReadOnlyList<PlanDto>>> Plans(CancellationToken cancellationToken) =>
        Ok(await Sender.Send(new ListPlansQuery(), cancellationToken));

    /// <summary>The company's plan, subscription status, usage against its limits and payment method.</summary>
    [HttpGet("me")]
    [AuthorizeAs<GetBillingQuery>]
    [ProducesResponseType<BillingDto>(StatusCodes.Status200OK)]
    public async Task<ActionResult<BillingDto>> Me(CancellationToken cancellationToken) =>
        await Sender.Send(new GetBillingQuery(), cancellationToken);

    /// <summary>Start a Stripe Checkout for a paid plan (Admin+); send the browser to the returned URL.</summary>
    /// <response code="409">The plan is free, or the company already has a subscription (change it in the portal).</response>
    [HttpPost("create-checkout-session")]
    [AuthorizeAs<CreateCheckoutSessionCommand>]
    [Consumes("application/json")]
    [ProducesResponseType<CheckoutSessionDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status502BadGateway)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status503ServiceUnavailable)]
    [NotConfiguredResponse(ErrorCodes.BillingNotConfigured, "Stripe")]
    public async Task<ActionResult<CheckoutSessionDto>> CreateCheckoutSession(CreateCheckoutSessionCommand command, CancellationToken cancellationToken) =>
        await Sender.Send(command, cancellationToken);

    /// <summary>A Stripe customer portal session (Admin+): payment methods, invoices, plan changes.</summary>
    /// <response code="409">The company has no Stripe customer yet (it never started a Checkout).</response>
    [HttpPost("portal-session")]
    [AuthorizeAs<CreatePortalSessionCommand>]
    [ProducesResponseType<PortalSessionDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status502BadGateway)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status503ServiceUnavailable)]
    [NotConfiguredResponse(ErrorCodes.BillingNotConfigured, "Stripe")]
    public async Task<ActionResult<PortalSessionDto>> PortalSession([FromBody] CreatePortalSessionCommand? command, CancellationToken cancellationToken) =>
        await Sender.Send(command ?? new CreatePortalSessionCommand(), cancellationToken);

    /// <summary>Cancel the subscription at the end of the paid period (default) or at once (Admin+).</summary>
    /// <response code="409">The company has no running subscription.</response>
    [HttpPost("cancel")]
    [AuthorizeAs<CancelSubscriptionCommand>]
    [ProducesResponseType<SubscriptionStatusDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status502BadGateway)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status503ServiceUnavailable)]
    [NotConfiguredResponse(ErrorCodes.BillingNotConfigured, "Stripe")]
    public async Task<ActionResult<SubscriptionStatusDto>> Cancel([FromBody] CancelSubscriptionCommand? command, CancellationToken cancellationToken) =>
        await Sender.Send(command ?? new CancelSubscriptionCommand(), cancellationToken);

    /// <summary>The company's invoices, newest first (Admin+).</summary>
    [HttpGet("invoices")]
    [AuthorizeAs<ListInvoicesQuery>]
    [ProducesResponseType<Page<InvoiceDto>>(StatusCodes.Status200OK)]
    public async Task<ActionResult<Page<InvoiceDto>>> Invoices([FromQuery] ListInvoicesQuery query, CancellationToken cancellationToken) =>
        await Sender.Send(query, cancellationToken);

    /// <summary>Record metered usage (Owner/Admin, or an API key); reported to Stripe by the usage worker.</summary>
    [HttpPost("usage")]
    [AuthorizeAs<RecordUsageCommand>]
    [Consumes("application/json")]
    [ProducesResponseType<UsageRecordDto>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden)]
    public async Task<ActionResult<UsageRecordDto>> RecordUsage(RecordUsageCommand command, CancellationToken cancellationToken) =>
        StatusCode(StatusCodes.Status201Created, await Sender.Send(command, cancellationToken));

    /// <summary>
    /// Stripe's webhook endpoint. The raw body is verified against <c>Stripe-Signature</c>; each event id is applied once
    /// (a replay answers 200 without re-processing). Bad or missing signature: 400, nothing stored.
    /// </summary>
    [HttpPost("webhook")]
    [AllowAnonymous]
    [RunsAnonymously]
    [SkipIdempotency]
    [ProducesResponseType<StripeWebhookResult>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status503ServiceUnavailable)]
    [NotConfiguredResponse(ErrorCodes.BillingNotConfigured, "Stripe")]
    public async Task<ActionResult<StripeWebhookResult>> StripeWebhook(CancellationToken cancellationToken)
    {
        // The signature covers the exact bytes Stripe sent, so the body is read raw, never model-bound.
        using var reader = new StreamReader(Request.Body, Encoding.UTF8);
        var payload = await reader.ReadToEndAsync(cancellationToken);
        return await Sender.Send(new HandleStripeWebhookCommand(payload, Request.Headers["Stripe-Signature"].FirstOrDefault()), cancellationToken);
    }
}
