using Mediator;
using NovaPulse.Application.Common.Paging;
using NovaPulse.Application.Common.Security;
using NovaPulse.Application.Uploads.Common;
using NovaPulse.Domain.Common;
using NovaPulse.Domain.Uploads;

namespace NovaPulse.Application.Uploads.List;

/// <summary>The media library, newest first; every filter is optional and they combine with AND.</summary>
[RequireRole(Role.Member)]
public sealed record ListUploadsQuery(
    UploadKind? Kind = null,
    string? Folder = null,
    string? Tag = null,
    string? Search = null,
    bool? IsPublic = null,
    Guid? TaskId = null,
    Guid? CreatedBy = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    int? Limit = null,
    string? Cursor = null) : IQuery<Page<UploadDto>>;
