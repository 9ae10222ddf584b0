using Mediator;
using NovaPulse.Application.Common.Security;
using NovaPulse.Domain.Common;

namespace NovaPulse.Application.Uploads.SignedUrl;

/// <summary>
/// Reserves a pending upload and returns where the client sends the bytes directly: the API's signed PUT URL
/// (LocalDisk) or Cloudinary's upload endpoint with signed form fields (then <c>POST /uploads/{id}/complete</c>).
/// </summary>
[RequireRole(Role.Member)]
public sealed record CreateSignedUploadCommand(
    string FileName,
    string ContentType,
    long Size,
    string? Folder = null,
    IReadOnlyList<string>? Tags = null,
    bool? IsPublic = null,
    Guid? TaskId = null) : ICommand<SignedUploadResponse>;

/// <summary>
/// A direct-upload target: send <see cref="Method"/> to <see cref="Url"/> with the <see cref="Headers"/>, or as
/// multipart form with the <see cref="Fields"/> plus the file, before <see cref="ExpiresAt"/>.
/// </summary>
public sealed record SignedUploadResponse(
    Guid UploadId,
    string Method,
    string Url,
    IReadOnlyDictionary<string, string>? Fields,
    IReadOnlyDictionary<string, string>? Headers,
    DateTimeOffset ExpiresAt,
    bool RequiresCompletion);
