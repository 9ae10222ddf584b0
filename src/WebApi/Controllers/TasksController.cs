using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NovaPulse.Application.Common.Paging;
using NovaPulse.Application.Tasks.Common;
using NovaPulse.Application.Tasks.Create;
using NovaPulse.Application.Tasks.Delete;
using NovaPulse.Application.Tasks.Get;
using NovaPulse.Application.Tasks.List;
using NovaPulse.Application.Tasks.Update;
using NovaPulse.Domain.Common;
using NovaPulse.WebApi.Infrastructure.Auth;
using NovaPulse.WebApi.Infrastructure.Http;

namespace NovaPulse.WebApi.Controllers;

[Route("api/v{version:apiVersion}/tasks")]
[Authorize]
public sealed class TasksController : ApiControllerBase
{
    /// <summary>Create a task in the caller's company.</summary>
    [HttpPost]
    [AuthorizeAs<CreateTaskCommand>]
    [Consumes("application/json")]
    [ProducesResponseType<TaskDto>(StatusCodes.Status201Created)]
    public async Task<ActionResult<TaskDto>> Create(CreateTaskCommand command, CancellationToken cancellationToken)
    {
        var task = await Sender.Send(command, cancellationToken);
        Response.Headers.ETag = EntityTag.For(task.Version);
        return CreatedAtAction(nameof(Get), new { id = task.Id, version = "1" }, task);
    }

    /// <summary>List tasks with filters, newest first by default; follow <c>nextCursor</c> for more.</summary>
    [HttpGet]
    [AuthorizeAs<ListTasksQuery>]
    [ProducesResponseType<Page<TaskDto>>(StatusCodes.Status200OK)]
    public async Task<ActionResult<Page<TaskDto>>> List([FromQuery] ListTasksQuery query, CancellationToken cancellationToken) =>
        await Sender.Send(query, cancellationToken);

    /// <summary>Get one task; the ETag header carries its version for If-Match.</summary>
    [HttpGet("{id:guid}")]
    [AuthorizeAs<GetTaskQuery>]
    [ProducesResponseType<TaskDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<TaskDto>> Get(Guid id, CancellationToken cancellationToken)
    {
        var task = await Sender.Send(new GetTaskQuery(id), cancellationToken);
        Response.Headers.ETag = EntityTag.For(task.Version);
        return task;
    }

    /// <summary>Change some fields of a task (absent fields stay as they are). Send If-Match to avoid lost updates.</summary>
    [HttpPatch("{id:guid}")]
    [AuthorizeAs<UpdateTaskCommand>]
    [Consumes("application/json", "application/merge-patch+json")]
    [ProducesResponseType<TaskDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed)]
    public async Task<ActionResult<TaskDto>> Update(
        Guid id, UpdateTaskRequest request, [FromHeader(Name = "If-Match")] string? ifMatch, CancellationToken cancellationToken)
    {
        var task = await Sender.Send(request.ToCommand(id, EntityTag.ParseIfMatch(ifMatch)), cancellationToken);
        Response.Headers.ETag = EntityTag.For(task.Version);
        return task;
    }

    /// <summary>Delete a task. Send If-Match to delete only the version you saw.</summary>
    [HttpDelete("{id:guid}")]
    [AuthorizeAs<DeleteTaskCommand>]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed)]
    public async Task<IActionResult> Delete(Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, CancellationToken cancellationToken)
    {
        await Sender.Send(new DeleteTaskCommand(id, EntityTag.ParseIfMatch(ifMatch)), cancellationToken);
        return NoContent();
    }
}
