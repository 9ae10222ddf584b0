using Mediator;
using NovaPulse.Application.Common.Security;
using NovaPulse.Application.Uploads.Common;
using NovaPulse.Domain.Common;

namespace NovaPulse.Application.Uploads.SetVisibility;

/// <summary>Make an upload public (stable URL anyone can fetch) or private (expiring signed URLs only).</summary>
[RequireRole(Role.Member)]
public sealed record SetUploadVisibilityCommand(Guid Id, bool IsPublic) : ICommand<UploadDto>;
