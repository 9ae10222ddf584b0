using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using NovaPulse.Application.Auth.Common;
using NovaPulse.Application.Members.AcceptInvitation;
using NovaPulse.WebApi.Infrastructure.Auth;
using NovaPulse.WebApi.Infrastructure.Middleware;

namespace NovaPulse.WebApi.Controllers;

[Route("api/v{version:apiVersion}/invitations")]
public sealed class InvitationsController : ApiControllerBase
{
    /// <summary>Accept an invitation: create the account in the inviting company and sign in.</summary>
    [HttpPost("{token}/accept")]
    [AllowAnonymous]
    [RunsAnonymously]
    [SkipIdempotency]
    [EnableRateLimiting(DependencyInjection.AuthRateLimitPolicy)]
    [Consumes("application/json")]
    [ProducesResponseType<AuthResponse>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    public async Task<ActionResult<AuthResponse>> Accept(string token, AcceptInvitationRequest request, CancellationToken cancellationToken)
    {
        var response = await Sender.Send(new AcceptInvitationCommand(token, request.Name, request.Password), cancellationToken);
        return Created("/api/v1/auth/me", response);
    }
}

/// <summary>The new member's name and password.</summary>
public sealed record AcceptInvitationRequest(string Name, string Password);
