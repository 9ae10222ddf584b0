using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NovaPulse.Application.AuditLogs.List;
using NovaPulse.Application.Common.Paging;
using NovaPulse.WebApi.Infrastructure.Auth;

namespace NovaPulse.WebApi.Controllers;

[Route("api/v{version:apiVersion}/audit-logs")]
[Authorize]
public sealed class AuditLogsController : ApiControllerBase
{
    /// <summary>The company's audit trail, newest first (Admin+).</summary>
    [HttpGet]
    [AuthorizeAs<ListAuditLogsQuery>]
    [ProducesResponseType<Page<AuditEntryDto>>(StatusCodes.Status200OK)]
    public async Task<ActionResult<Page<AuditEntryDto>>> List([FromQuery] ListAuditLogsQuery query, CancellationToken cancellationToken) =>
        await Sender.Send(query, cancellationToken);
}
