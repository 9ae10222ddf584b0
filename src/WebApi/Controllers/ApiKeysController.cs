using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NovaPulse.Application.ApiKeys.Common;
using NovaPulse.Application.ApiKeys.Create;
using NovaPulse.Application.ApiKeys.List;
using NovaPulse.Application.ApiKeys.Revoke;
using NovaPulse.WebApi.Infrastructure.Auth;
using NovaPulse.WebApi.Infrastructure.Middleware;

namespace NovaPulse.WebApi.Controllers;

[Route("api/v{version:apiVersion}/api-keys")]
[Authorize]
public sealed class ApiKeysController : ApiControllerBase
{
    /// <summary>Create an API key (Admin+). The key is returned once and never again.</summary>
    [HttpPost]
    [AuthorizeAs<CreateApiKeyCommand>]
    [SkipIdempotency]
    [Consumes("application/json")]
    [ProducesResponseType<CreatedApiKeyResponse>(StatusCodes.Status201Created)]
    public async Task<ActionResult<CreatedApiKeyResponse>> Create(CreateApiKeyCommand command, CancellationToken cancellationToken)
    {
        var response = await Sender.Send(command, cancellationToken);
        return Created($"/api/v1/api-keys/{response.ApiKey.Id}", response);
    }

    /// <summary>List the company's active API keys (Admin+).</summary>
    [HttpGet]
    [AuthorizeAs<ListApiKeysQuery>]
    [ProducesResponseType<IReadOnlyList<ApiKeyDto>>(StatusCodes.Status200OK)]
    public async Task<ActionResult<IReadOnlyList<ApiKeyDto>>> List(CancellationToken cancellationToken) =>
        Ok(await Sender.Send(new ListApiKeysQuery(), cancellationToken));

    /// <summary>Revoke an API key (Admin+); it stops working at once.</summary>
    [HttpDelete("{id:guid}")]
    [AuthorizeAs<RevokeApiKeyCommand>]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Revoke(Guid id, CancellationToken cancellationToken)
    {
        await Sender.Send(new RevokeApiKeyCommand(id), cancellationToken);
        return NoContent();
    }
}
