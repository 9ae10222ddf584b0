using Mediator;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Common.Security;
using NovaPulse.Application.Uploads.Common;

namespace NovaPulse.Application.Uploads.Usage;

public sealed class GetStorageUsageQueryHandler(ICurrentUser currentUser, StorageQuota quota, IPlanLimits planLimits)
    : IQueryHandler<GetStorageUsageQuery, StorageUsageDto>
{
    public async ValueTask<StorageUsageDto> Handle(GetStorageUsageQuery query, CancellationToken cancellationToken)
    {
        var companyId = currentUser.RequireCompanyId();
        var limits = await planLimits.GetUploadLimitsAsync(companyId, cancellationToken);
        // The same sum the quota check uses, so the meter and the 402 agree.
        var used = await quota.UsageAsync(companyId, excluding: null, cancellationToken);
        return new StorageUsageDto(used, limits.StorageQuotaBytes, limits.MaxUploadBytes);
    }
}
