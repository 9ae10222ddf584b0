using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace NovaPulse.Infrastructure.Workers;

/// <summary>
/// Runs one pass in its own DI scope every <see cref="Interval"/>; a failed pass is logged and the next tick tries again.
/// Passes are written to be safe when several instances run them at once.
/// </summary>
public abstract partial class PeriodicWorker(IServiceScopeFactory scopes, TimeProvider clock, ILogger logger) : BackgroundService
{
    protected abstract TimeSpan Interval { get; }

    protected abstract Task RunPassAsync(IServiceProvider services, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await RunPassAsync(scope.ServiceProvider, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, GetType().Name, e);
            }
        }
    }

    [LoggerMessage(LogLevel.Error, "{Worker} pass failed; retrying at the next interval")]
    private static partial void LogFailed(ILogger logger, string worker, Exception exception);
}
