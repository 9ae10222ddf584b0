using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Integrations.Common;
using NovaPulse.Application.Integrations.CompleteGoogle;
using NovaPulse.Application.Integrations.ConfigureEmail;
using NovaPulse.Application.Integrations.ConfigureSlack;
using NovaPulse.Application.Integrations.Delete;
using NovaPulse.Application.Integrations.List;
using NovaPulse.Application.Integrations.Notifications;
using NovaPulse.Application.Integrations.StartGoogle;
using NovaPulse.Application.Integrations.TestEmail;
using NovaPulse.Application.Integrations.TestGoogle;
using NovaPulse.Application.Integrations.TestSlack;
using NovaPulse.WebApi.Infrastructure.Auth;
using NovaPulse.WebApi.Infrastructure.Middleware;
using NovaPulse.WebApi.Infrastructure.OpenApi;

namespace NovaPulse.WebApi.Controllers;

[Route("api/v{version:apiVersion}/integrations")]
[Authorize]
public sealed class IntegrationsController : ApiControllerBase
{
    /// <summary>The company's integrations (Admin+): type, status, settings with credentials masked, last test and error.</summary>
    [HttpGet]
    [AuthorizeAs<ListIntegrationsQuery>]
    [ProducesResponseType<IReadOnlyList<IntegrationDto>>(StatusCodes.Status200OK)]
    public async Task<ActionResult<IReadOnlyList<IntegrationDto>>> List(CancellationToken cancellationToken) =>
        Ok(await Sender.Send(new ListIntegrationsQuery(), cancellationToken));

    /// <summary>
    /// Connect or reconfigure the company's SMTP server (Admin+); the password is stored encrypted and never shown again.
    /// Connecting beyond the plan's <c>integrations</c> limit is 402 <c>integration_limit_reached</c>.
    /// </summary>
    [HttpPut("email")]
    [AuthorizeAs<ConfigureEmailCommand>]
    [Consumes("application/json")]
    [ProducesResponseType<IntegrationDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status402PaymentRequired)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    public async Task<ActionResult<IntegrationDto>> ConfigureEmail(ConfigureEmailCommand command, CancellationToken cancellationToken) =>
        await Sender.Send(command, cancellationToken);

    /// <summary>Send a test message through the configured SMTP server and report the outcome (Admin+).</summary>
    [HttpPost("email/test")]
    [AuthorizeAs<TestEmailCommand>]
    [Consumes("application/json")]
    [ProducesResponseType<IntegrationTestResult>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<IntegrationTestResult>> TestEmail(TestEmailCommand command, CancellationToken cancellationToken) =>
        await Sender.Send(command, cancellationToken);

    /// <summary>
    /// Connect or reconfigure a Slack incoming webhook (Admin+). The URL must be https; it is stored encrypted. Connecting
    /// beyond the plan's <c>integrations</c> limit is 402 <c>integration_limit_reached</c>.
    /// </summary>
    [HttpPut("slack")]
    [AuthorizeAs<ConfigureSlackCommand>]
    [SkipIdempotency]
    [Consumes("application/json")]
    [ProducesResponseType<IntegrationDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status402PaymentRequired)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity)]
    public async Task<ActionResult<IntegrationDto>> ConfigureSlack(ConfigureSlackCommand command, CancellationToken cancellationToken) =>
        await Sender.Send(command, cancellationToken);

    /// <summary>Post a test message to the configured Slack webhook and report the outcome (Admin+).</summary>
    [HttpPost("slack/test")]
    [AuthorizeAs<TestSlackCommand>]
    [ProducesResponseType<IntegrationTestResult>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<IntegrationTestResult>> TestSlack(CancellationToken cancellationToken) =>
        await Sender.Send(new TestSlackCommand(), cancellationToken);

    /// <summary>Check the Google connection (Admin+): refreshes the access token when it expired and reads the account.</summary>
    [HttpPost("google/test")]
    [AuthorizeAs<TestGoogleCommand>]
    [ProducesResponseType<IntegrationTestResult>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<IntegrationTestResult>> TestGoogle(CancellationToken cancellationToken) =>
        await Sender.Send(new TestGoogleCommand(), cancellationToken);

    /// <summary>
    /// Start connecting a Google account (Admin+): redirects (302) to Google's consent screen, or answers <c>{url}</c> when the
    /// request accepts <c>application/json</c> (a single-page app sets <c>window.location</c> itself). A company without a
    /// Google integration at its plan's <c>integrations</c> limit gets 402 <c>integration_limit_reached</c>.
    /// </summary>
    [HttpGet("oauth/google/start")]
    [AuthorizeAs<StartGoogleAuthorizationCommand>]
    [ProducesResponseType<GoogleAuthorizationStart>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status302Found)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status402PaymentRequired)]
    [NotConfiguredResponse(ErrorCodes.GoogleNotConfigured, "Google")]
    public async Task<ActionResult<GoogleAuthorizationStart>> StartGoogle(CancellationToken cancellationToken)
    {
        var start = await Sender.Send(new StartGoogleAuthorizationCommand(), cancellationToken);
        var wantsJson = Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase));
        return wantsJson ? start : Redirect(start.Url);
    }

    /// <summary>
    /// Google's redirect back after consent (anonymous: the single-use state names the company and person). Stores the
    /// encrypted refresh token and redirects to the dashboard's integrations page; an unknown, expired or used state is 400.
    /// </summary>
    [HttpGet("oauth/google/callback")]
    [AllowAnonymous]
    [RunsAnonymously]
    [ProducesResponseType(StatusCodes.Status302Found)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest)]
    [NotConfiguredResponse(ErrorCodes.GoogleNotConfigured, "Google")]
    public async Task<IActionResult> GoogleCallback(
        [FromQuery] string? code, [FromQuery] string? state, [FromQuery] string? error, CancellationToken cancellationToken) =>
        Redirect(await Sender.Send(new CompleteGoogleAuthorizationCommand(code, state, error), cancellationToken));

    /// <summary>Choose the events the integration sends a message for (Admin+), e.g. <c>task.assigned</c> to the assignee's email.</summary>
    [HttpPut("{id:guid}/notifications")]
    [AuthorizeAs<UpdateIntegrationNotificationsCommand>]
    [Consumes("application/json")]
    [ProducesResponseType<IntegrationDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    public async Task<ActionResult<IntegrationDto>> UpdateNotifications(Guid id, UpdateNotificationsRequest request, CancellationToken cancellationToken) =>
        await Sender.Send(new UpdateIntegrationNotificationsCommand(id, request.Events), cancellationToken);

    /// <summary>Remove an integration and its credentials (Admin+); a Google grant is revoked at Google.</summary>
    [HttpDelete("{id:guid}")]
    [AuthorizeAs<DeleteIntegrationCommand>]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    public async Task<IActionResult> Delete(Guid id, CancellationToken cancellationToken)
    {
        await Sender.Send(new DeleteIntegrationCommand(id), cancellationToken);
        return NoContent();
    }
}

/// <summary>The event types to notify about (see GET /webhooks/event-types); empty stops notifications.</summary>
public sealed record UpdateNotificationsRequest(IReadOnlyList<string> Events);
