using Mediator;
using NovaPulse.Application.Common.Paging;
using NovaPulse.Application.Common.Security;
using NovaPulse.Domain.Common;

namespace NovaPulse.Application.AuditLogs.List;

/// <summary>The company's audit trail, newest first.</summary>
[RequireRole(Role.Admin)]
public sealed record ListAuditLogsQuery(
    string? EntityType = null,
    string? EntityId = null,
    Guid? ActorId = null,
    string? Action = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    int? Limit = null,
    string? Cursor = null) : IQuery<Page<AuditEntryDto>>;
