using Mediator;
using NovaPulse.Application.Uploads.Common;

namespace NovaPulse.Application.Uploads.Complete;

/// <summary>
/// The body of a signed direct upload to the API (LocalDisk): no bearer token, the signature is the credential.
/// Completes the pending upload. No role attribute: the handler verifies the signature.
/// </summary>
public sealed record PutUploadContentCommand(Guid Id, long? Expires, string? Signature, Stream Content, string? ContentType)
    : ICommand<UploadDto>;
