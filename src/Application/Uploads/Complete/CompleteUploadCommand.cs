using Mediator;
using NovaPulse.Application.Common.Security;
using NovaPulse.Application.Uploads.Common;
using NovaPulse.Domain.Common;

namespace NovaPulse.Application.Uploads.Complete;

/// <summary>After a direct upload to the storage (Cloudinary): checks what arrived and makes the upload ready.</summary>
[RequireRole(Role.Member)]
public sealed record CompleteUploadCommand(Guid Id) : ICommand<UploadDto>;
