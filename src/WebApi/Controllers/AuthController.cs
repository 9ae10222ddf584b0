using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using NovaPulse.Application.Auth.Common;
using NovaPulse.Application.Auth.Login;
using NovaPulse.Application.Auth.Logout;
using NovaPulse.Application.Auth.Me;
using NovaPulse.Application.Auth.Refresh;
using NovaPulse.Application.Auth.Register;
using NovaPulse.WebApi.Infrastructure.Auth;
using NovaPulse.WebApi.Infrastructure.Middleware;

namespace NovaPulse.WebApi.Controllers;

[Route("api/v{version:apiVersion}/auth")]
[SkipIdempotency]
public sealed class AuthController : ApiControllerBase
{
    /// <summary>Create a company and its Owner, and sign in.</summary>
    [HttpPost("register")]
    [AllowAnonymous]
    [RunsAnonymously]
    [EnableRateLimiting(DependencyInjection.AuthRateLimitPolicy)]
    [Consumes("application/json")]
    [ProducesResponseType<AuthResponse>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    public async Task<ActionResult<AuthResponse>> Register(RegisterCommand command, CancellationToken cancellationToken)
    {
        var response = await Sender.Send(command, cancellationToken);
        return Created("/api/v1/auth/me", response);
    }

    /// <summary>Sign in with email and password.</summary>
    [HttpPost("login")]
    [AllowAnonymous]
    [RunsAnonymously]
    [EnableRateLimiting(DependencyInjection.AuthRateLimitPolicy)]
    [Consumes("application/json")]
    [ProducesResponseType<AuthResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized)]
    public async Task<ActionResult<AuthResponse>> Login(LoginCommand command, CancellationToken cancellationToken) =>
        await Sender.Send(command, cancellationToken);

    /// <summary>Exchange a refresh token for a new token pair (the old refresh token is spent).</summary>
    [HttpPost("refresh")]
    [AllowAnonymous]
    [RunsAnonymously]
    [EnableRateLimiting(DependencyInjection.AuthRateLimitPolicy)]
    [Consumes("application/json")]
    [ProducesResponseType<TokenResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized)]
    public async Task<ActionResult<TokenResponse>> Refresh(RefreshTokenCommand command, CancellationToken cancellationToken) =>
        await Sender.Send(command, cancellationToken);

    /// <summary>Sign out: revoke the given refresh token's sign-in, or all of the caller's sign-ins.</summary>
    [HttpPost("logout")]
    [AuthorizeAs<LogoutCommand>]
    [Consumes("application/json")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> Logout(LogoutCommand? command, CancellationToken cancellationToken)
    {
        await Sender.Send(command ?? new LogoutCommand(null), cancellationToken);
        return NoContent();
    }

    /// <summary>The caller: member, company and effective role.</summary>
    [HttpGet("me")]
    [AuthorizeAs<GetMeQuery>]
    [ProducesResponseType<MeResponse>(StatusCodes.Status200OK)]
    public async Task<ActionResult<MeResponse>> Me(CancellationToken cancellationToken) =>
        await Sender.Send(new GetMeQuery(), cancellationToken);
}
