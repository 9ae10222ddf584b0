namespace NovaPulse.Application.Common.Interfaces;

/// <summary>
/// A company's plan limits for uploads. Configuration supplies the defaults today; the billing module will answer
/// per plan through this same interface.
/// </summary>
public interface IPlanLimits
{
    ValueTask<UploadLimits> GetUploadLimitsAsync(Guid companyId, CancellationToken cancellationToken);
}

/// <summary>Largest single file and total storage a company may use, in bytes.</summary>
public sealed record UploadLimits(long MaxUploadBytes, long StorageQuotaBytes);
