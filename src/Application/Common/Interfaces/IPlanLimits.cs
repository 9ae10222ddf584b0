namespace NovaPulse.Application.Common.Interfaces;

/// <summary>The limits of a company's current plan (see <c>Billing:Plans</c>).</summary>
public interface IPlanLimits
{
    ValueTask<UploadLimits> GetUploadLimitsAsync(Guid companyId, CancellationToken cancellationToken);
}

/// <summary>
/// Largest single file and total storage a company may use, in bytes, and the plan that offers more storage
/// (null when none does).
/// </summary>
public sealed record UploadLimits(long MaxUploadBytes, long StorageQuotaBytes, string? StorageLiftedBy = null);
