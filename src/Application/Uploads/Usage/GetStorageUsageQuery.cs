using Mediator;
using NovaPulse.Application.Common.Security;
using NovaPulse.Domain.Common;

namespace NovaPulse.Application.Uploads.Usage;

/// <summary>How much storage the company uses against its plan's quota, and the largest file the plan accepts.</summary>
[RequireRole(Role.Member)]
public sealed record GetStorageUsageQuery : IQuery<StorageUsageDto>;

/// <summary>Bytes stored (pending uploads by their announced size), the plan's quota and its per-file limit.</summary>
public sealed record StorageUsageDto(long UsedBytes, long QuotaBytes, long MaxUploadBytes);
