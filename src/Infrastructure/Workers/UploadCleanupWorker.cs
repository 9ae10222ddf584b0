using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NovaPulse.Application.Common.Options;
using NovaPulse.Application.Uploads.Cleanup;

namespace NovaPulse.Infrastructure.Workers;

/// <summary>Runs <see cref="UploadCleanup"/> every <c>Uploads:CleanupInterval</c> (registered only when <c>Workers:Enabled</c>).</summary>
public sealed class UploadCleanupWorker(
    IServiceScopeFactory scopes, IOptions<UploadSettings> settings, TimeProvider clock, ILogger<UploadCleanupWorker> logger)
    : PeriodicWorker(scopes, clock, logger)
{
    protected override TimeSpan Interval => settings.Value.CleanupInterval;

    protected override Task RunPassAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<UploadCleanup>().RunOnceAsync(cancellationToken);
}
