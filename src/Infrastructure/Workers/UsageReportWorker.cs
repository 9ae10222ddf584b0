using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NovaPulse.Application.Billing.Common;
using NovaPulse.Application.Billing.Usage;

namespace NovaPulse.Infrastructure.Workers;

/// <summary>
/// Runs <see cref="UsageReporter"/> every <c>Billing:UsageReportInterval</c>; after a failed pass it backs off
/// exponentially (with jitter, up to an hour). Registered only when <c>Workers:Enabled</c>.
/// </summary>
public sealed partial class UsageReportWorker(
    IServiceScopeFactory scopes, IOptions<BillingOptions> options, TimeProvider clock, ILogger<UsageReportWorker> logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.UsageReportInterval;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<UsageReporter>().RunOnceAsync(stoppingToken);
                failures = 0;
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                failures++;
                LogFailed(e, failures);
            }

            await Task.Delay(Backoff.Next(interval, failures, MaxBackoff), clock, stoppingToken);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Usage report pass failed ({Failures} in a row); backing off")]
    private partial void LogFailed(Exception exception, int failures);
}
