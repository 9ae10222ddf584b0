using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Common.Paging;
using NovaPulse.Application.Common.Security;
using NovaPulse.Application.Uploads.Common;
using NovaPulse.Application.Uploads.Complete;
using NovaPulse.Application.Uploads.Create;
using NovaPulse.Application.Uploads.Delete;
using NovaPulse.Application.Uploads.Download;
using NovaPulse.Application.Uploads.Get;
using NovaPulse.Application.Uploads.List;
using NovaPulse.Application.Uploads.SetVisibility;
using NovaPulse.Application.Uploads.SignedUrl;
using NovaPulse.Application.Uploads.Update;
using NovaPulse.Application.Uploads.Usage;
using NovaPulse.WebApi.Infrastructure.Auth;
using NovaPulse.WebApi.Infrastructure.Http;
using NovaPulse.WebApi.Infrastructure.Middleware;
using NovaPulse.WebApi.Infrastructure.OpenApi;

namespace NovaPulse.WebApi.Controllers;

[Route("api/v{version:apiVersion}/uploads")]
[Authorize]
public sealed class UploadsController : ApiControllerBase
{
    /// <summary>
    /// Upload a file (multipart/form-data: <c>file</c>, optional <c>folder</c>, <c>tags</c>, <c>isPublic</c>, <c>taskId</c>; send the
    /// fields in any order, at most 32 of 64 KiB in all). The body is streamed to storage, never buffered whole, and may be
    /// at most the plan's largest file plus 1 MiB.
    /// </summary>
    [HttpPost]
    [AuthorizeAs<UploadFileCommand>]
    [DisableRequestSizeLimit]
    [DisableFormValueModelBinding]
    [SkipIdempotency]
    [StreamedBody(StreamedBodyKind.MultipartUpload)]
    [ProducesResponseType<UploadDto>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status402PaymentRequired)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status415UnsupportedMediaType)]
    public async Task<ActionResult<UploadDto>> Upload([FromServices] IPlanLimits planLimits, [FromServices] ICurrentUser currentUser, CancellationToken cancellationToken)
    {
        var limits = await planLimits.GetUploadLimitsAsync(currentUser.RequireCompanyId(), cancellationToken);
        MultipartUpload.LimitBody(Request, limits.MaxUploadBytes);
        var upload = await MultipartUpload.ReadAsync(Request, command => Sender.Send(command, cancellationToken).AsTask(), cancellationToken);
        Response.Headers.ETag = EntityTag.For(upload.Version);
        return CreatedAtAction(nameof(Get), new { id = upload.Id, version = "1" }, upload);
    }

    /// <summary>List the media library, newest first, with filters; follow <c>nextCursor</c> for more.</summary>
    [HttpGet]
    [AuthorizeAs<ListUploadsQuery>]
    [ProducesResponseType<Page<UploadDto>>(StatusCodes.Status200OK)]
    public async Task<ActionResult<Page<UploadDto>>> List([FromQuery] ListUploadsQuery query, CancellationToken cancellationToken) =>
        await Sender.Send(query, cancellationToken);

    /// <summary>Storage used by the company against its plan's quota, and the largest file the plan accepts.</summary>
    [HttpGet("usage")]
    [AuthorizeAs<GetStorageUsageQuery>]
    [ProducesResponseType<StorageUsageDto>(StatusCodes.Status200OK)]
    public async Task<ActionResult<StorageUsageDto>> Usage(CancellationToken cancellationToken) =>
        await Sender.Send(new GetStorageUsageQuery(), cancellationToken);

    /// <summary>Get one upload; its <c>url</c> is stable when public and an expiring signed URL when private.</summary>
    [HttpGet("{id:guid}")]
    [AuthorizeAs<GetUploadQuery>]
    [ProducesResponseType<UploadDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<UploadDto>> Get(Guid id, CancellationToken cancellationToken)
    {
        var upload = await Sender.Send(new GetUploadQuery(id), cancellationToken);
        Response.Headers.ETag = EntityTag.For(upload.Version);
        return upload;
    }

    /// <summary>
    /// Change an upload's name, folder, tags or task (absent fields stay as they are). A new name passes the extension
    /// rules of uploading: a dangerous extension or one that contradicts the content is 415, and nothing changes.
    /// </summary>
    [HttpPatch("{id:guid}")]
    [AuthorizeAs<UpdateUploadCommand>]
    [Consumes("application/json", "application/merge-patch+json")]
    [ProducesResponseType<UploadDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status415UnsupportedMediaType)]
    public async Task<ActionResult<UploadDto>> Update(
        Guid id, UpdateUploadRequest request, [FromHeader(Name = "If-Match")] string? ifMatch, CancellationToken cancellationToken)
    {
        var upload = await Sender.Send(request.ToCommand(id, EntityTag.ParseIfMatch(ifMatch)), cancellationToken);
        Response.Headers.ETag = EntityTag.For(upload.Version);
        return upload;
    }

    /// <summary>Delete an upload (soft delete: it disappears now; the stored file is purged by the cleanup worker later).</summary>
    [HttpDelete("{id:guid}")]
    [AuthorizeAs<DeleteUploadCommand>]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    public async Task<IActionResult> Delete(Guid id, CancellationToken cancellationToken)
    {
        await Sender.Send(new DeleteUploadCommand(id), cancellationToken);
        return NoContent();
    }

    /// <summary>Make an upload public: its URL becomes stable and needs no credentials.</summary>
    [HttpPost("{id:guid}/make-public")]
    [AuthorizeAs<SetUploadVisibilityCommand>]
    [ProducesResponseType<UploadDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<UploadDto>> MakePublic(Guid id, CancellationToken cancellationToken) =>
        await Sender.Send(new SetUploadVisibilityCommand(id, IsPublic: true), cancellationToken);

    /// <summary>Make an upload private: it is served only to members and through expiring signed URLs.</summary>
    [HttpPost("{id:guid}/make-private")]
    [AuthorizeAs<SetUploadVisibilityCommand>]
    [ProducesResponseType<UploadDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<UploadDto>> MakePrivate(Guid id, CancellationToken cancellationToken) =>
        await Sender.Send(new SetUploadVisibilityCommand(id, IsPublic: false), cancellationToken);

    /// <summary>
    /// Download the file (or <c>variant=thumbnail</c>), with Range, ETag and Content-Disposition. Members use their
    /// credentials; anyone may use a signed URL (<c>expires</c> + <c>signature</c>) or fetch a public file.
    /// </summary>
    [HttpGet("{id:guid}/content")]
    [AllowAnonymous]
    [ProducesResponseType<FileStreamResult>(StatusCodes.Status200OK, "application/octet-stream")]
    [ProducesResponseType(StatusCodes.Status206PartialContent)]
    [ProducesResponseType(StatusCodes.Status302Found)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Download(
        Guid id, [FromQuery] string? variant, [FromQuery] long? expires, [FromQuery] string? signature, CancellationToken cancellationToken)
    {
        var content = await Sender.Send(new GetUploadContentQuery(id, variant, expires, signature), cancellationToken);
        Response.Headers.CacheControl = "private, max-age=300";
        if (content.RedirectUrl is { } redirect)
        {
            return Redirect(redirect);
        }

        var disposition = new ContentDispositionHeaderValue(content.Inline ? "inline" : "attachment");
        disposition.SetHttpFileName(content.FileName);
        Response.Headers.ContentDisposition = disposition.ToString();
        return File(content.Content!, content.ContentType, content.LastModified, new EntityTagHeaderValue(content.ETag), enableRangeProcessing: true);
    }

    /// <summary>
    /// Send the bytes of a signed direct upload (LocalDisk): the target returned by <c>POST /uploads/signed-url</c>.
    /// No bearer token: the signature is the credential. Completes the upload.
    /// </summary>
    [HttpPut("{id:guid}/content")]
    [AllowAnonymous]
    [DisableRequestSizeLimit]
    [StreamedBody(StreamedBodyKind.Binary)]
    [ProducesResponseType<UploadDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status402PaymentRequired)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status415UnsupportedMediaType)]
    public async Task<ActionResult<UploadDto>> PutContent(
        Guid id, [FromQuery] long? expires, [FromQuery] string? signature, CancellationToken cancellationToken) =>
        await Sender.Send(new PutUploadContentCommand(id, expires, signature, Request.Body, Request.ContentType), cancellationToken);

    /// <summary>
    /// Start a direct upload: reserves a pending upload and returns where to send the file (a signed PUT to this API,
    /// or Cloudinary's upload endpoint with signed fields, followed by <c>POST /uploads/{id}/complete</c>).
    /// </summary>
    [HttpPost("signed-url")]
    [AuthorizeAs<CreateSignedUploadCommand>]
    [Consumes("application/json")]
    [ProducesResponseType<SignedUploadResponse>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status402PaymentRequired)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status415UnsupportedMediaType)]
    public async Task<ActionResult<SignedUploadResponse>> CreateSignedUrl(CreateSignedUploadCommand command, CancellationToken cancellationToken)
    {
        var target = await Sender.Send(command, cancellationToken);
        return CreatedAtAction(nameof(Get), new { id = target.UploadId, version = "1" }, target);
    }

    /// <summary>Finish a direct upload to Cloudinary: checks what arrived and makes the upload ready.</summary>
    [HttpPost("{id:guid}/complete")]
    [AuthorizeAs<CompleteUploadCommand>]
    [ProducesResponseType<UploadDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status402PaymentRequired)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge)]
    public async Task<ActionResult<UploadDto>> Complete(Guid id, CancellationToken cancellationToken) =>
        await Sender.Send(new CompleteUploadCommand(id), cancellationToken);
}
