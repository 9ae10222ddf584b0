using Mediator;
using NovaPulse.Application.Common.Concurrency;
using NovaPulse.Application.Common.Security;
using NovaPulse.Application.Uploads.Common;
using NovaPulse.Domain.Common;

namespace NovaPulse.Application.Uploads.Update;

/// <summary>A partial update of an upload's metadata: only present fields change. <see cref="ExpectedVersion"/> comes from <c>If-Match</c>.</summary>
[RequireRole(Role.Member)]
public sealed record UpdateUploadCommand(
    Guid Id,
    int? ExpectedVersion,
    Optional<string?> Name,
    Optional<string?> Folder,
    Optional<IReadOnlyList<string>?> Tags,
    Optional<Guid?> TaskId) : ICommand<UploadDto>, IConditionalRequest;
