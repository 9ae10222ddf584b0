using Mediator;
using NovaPulse.Application.Common.Security;
using NovaPulse.Domain.Common;

namespace NovaPulse.Application.Uploads.Delete;

/// <summary>Soft delete: the upload disappears at once; the cleanup worker removes the stored object after the grace period.</summary>
[RequireRole(Role.Member)]
public sealed record DeleteUploadCommand(Guid Id) : ICommand;
