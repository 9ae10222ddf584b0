using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NovaPulse.Application.Common.Paging;
using NovaPulse.Application.Members.ChangeRole;
using NovaPulse.Application.Members.Common;
using NovaPulse.Application.Members.Invite;
using NovaPulse.Application.Members.List;
using NovaPulse.Application.Members.Remove;
using NovaPulse.Domain.Common;
using NovaPulse.WebApi.Infrastructure.Auth;
using NovaPulse.WebApi.Infrastructure.Middleware;

namespace NovaPulse.WebApi.Controllers;

[Route("api/v{version:apiVersion}/members")]
[Authorize]
public sealed class MembersController : ApiControllerBase
{
    /// <summary>List the company's members in the order they joined.</summary>
    [HttpGet]
    [AuthorizeAs<ListMembersQuery>]
    [ProducesResponseType<Page<MemberDto>>(StatusCodes.Status200OK)]
    public async Task<ActionResult<Page<MemberDto>>> List([FromQuery] int? limit, [FromQuery] string? cursor, CancellationToken cancellationToken) =>
        await Sender.Send(new ListMembersQuery(limit, cursor), cancellationToken);

    /// <summary>Invite a person (Admin+); returns the invitation token they redeem to join.</summary>
    [HttpPost("invitations")]
    [AuthorizeAs<InviteMemberCommand>]
    [SkipIdempotency]
    [Consumes("application/json")]
    [ProducesResponseType<InvitationResponse>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    public async Task<ActionResult<InvitationResponse>> Invite(InviteMemberCommand command, CancellationToken cancellationToken)
    {
        var invitation = await Sender.Send(command, cancellationToken);
        return StatusCode(StatusCodes.Status201Created, invitation);
    }

    /// <summary>Change a member's role (Admin+; only an Owner grants Owner; the last Owner keeps the role).</summary>
    [HttpPatch("{id:guid}")]
    [AuthorizeAs<ChangeMemberRoleCommand>]
    [Consumes("application/json")]
    [ProducesResponseType<MemberDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    public async Task<ActionResult<MemberDto>> ChangeRole(Guid id, ChangeMemberRoleRequest request, CancellationToken cancellationToken) =>
        await Sender.Send(new ChangeMemberRoleCommand(id, request.Role), cancellationToken);

    /// <summary>Remove a member (Admin+; the last Owner cannot be removed).</summary>
    [HttpDelete("{id:guid}")]
    [AuthorizeAs<RemoveMemberCommand>]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    public async Task<IActionResult> Remove(Guid id, CancellationToken cancellationToken)
    {
        await Sender.Send(new RemoveMemberCommand(id), cancellationToken);
        return NoContent();
    }
}

/// <summary>The new role.</summary>
public sealed record ChangeMemberRoleRequest(Role Role);
