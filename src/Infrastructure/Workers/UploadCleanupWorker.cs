using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NovaPulse.Application.Common.Options;
using NovaPulse.Infrastructure.Uploads;

namespace NovaPulse.Infrastructure.Workers;

/// <summary>Runs <see cref="UploadCleanup"/> every <c>Uploads:CleanupInterval</c> (registered only when <c>Workers:Enabled</c>).</summary>
public sealed partial class UploadCleanupWorker(
    IServiceScopeFactory scopes, IOptions<UploadSettings> settings, TimeProvider clock, ILogger<UploadCleanupWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.Value.CleanupInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<UploadCleanup>().RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(e);
            }
        }
    }

    [LoggerMessage(LogLevel.Error, "Upload cleanup pass failed; retrying at the next interval")]
    private partial void LogFailed(Exception exception);
}
