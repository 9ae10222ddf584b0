using Microsoft.Extensions.Options;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Common.Options;

namespace NovaPulse.Infrastructure.Uploads;

/// <summary>Every company gets the configured defaults until the billing module supplies per-plan limits.</summary>
public sealed class ConfigurationPlanLimits(IOptionsMonitor<UploadSettings> settings) : IPlanLimits
{
    public ValueTask<UploadLimits> GetUploadLimitsAsync(Guid companyId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new UploadLimits(settings.CurrentValue.MaxUploadBytes, settings.CurrentValue.DefaultStorageQuotaBytes));
}
