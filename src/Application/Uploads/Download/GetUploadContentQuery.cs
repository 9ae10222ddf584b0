using Mediator;

namespace NovaPulse.Application.Uploads.Download;

/// <summary>
/// The bytes of an upload (or its thumbnail). Allowed for a member of the owning company, for anyone holding a valid
/// signed URL (<see cref="Expires"/> + <see cref="Signature"/>), and for anyone when the upload is public. No role
/// attribute: the handler decides, because signed and public downloads carry no credentials.
/// </summary>
public sealed record GetUploadContentQuery(Guid Id, string? Variant, long? Expires, string? Signature) : IQuery<UploadContent>;

/// <summary>What to send: a stream from storage, or a redirect to the storage's own delivery URL.</summary>
public sealed record UploadContent(
    Stream? Content, string? RedirectUrl, string ContentType, string FileName, string ETag, DateTimeOffset LastModified, bool Inline);
