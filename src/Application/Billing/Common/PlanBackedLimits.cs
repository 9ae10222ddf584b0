using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Common.Options;

namespace NovaPulse.Application.Billing.Common;

/// <summary>
/// Upload limits from the company's current plan; a plan that sets no upload size or storage falls back to the
/// <c>Uploads</c> defaults, so the Free plan can stay configured in one place.
/// </summary>
public sealed class PlanBackedLimits(IAppDbContext db, PlanCatalog catalog, IOptionsMonitor<UploadSettings> uploads) : IPlanLimits
{
    public async ValueTask<UploadLimits> GetUploadLimitsAsync(Guid companyId, CancellationToken cancellationToken)
    {
        var plan = await CurrentPlanAsync(db, catalog, companyId, cancellationToken);
        var storage = plan.Limits.StorageBytes ?? uploads.CurrentValue.DefaultStorageQuotaBytes;
        return new UploadLimits(
            plan.Limits.MaxUploadBytes ?? uploads.CurrentValue.MaxUploadBytes,
            storage,
            catalog.Lifting(l => l.StorageBytes ?? uploads.CurrentValue.DefaultStorageQuotaBytes, storage));
    }

    public static async Task<PlanDefinition> CurrentPlanAsync(IAppDbContext db, PlanCatalog catalog, Guid companyId, CancellationToken cancellationToken)
    {
        var planId = await db.Companies.Where(c => c.Id == companyId).Select(c => c.PlanId).SingleAsync(cancellationToken);
        return catalog.Get(planId);
    }
}
