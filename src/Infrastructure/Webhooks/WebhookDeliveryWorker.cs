using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NovaPulse.Application.Webhooks.Common;
using NovaPulse.Application.Webhooks.Delivery;
using NovaPulse.Infrastructure.Metrics;
using NovaPulse.Infrastructure.Persistence;
using NovaPulse.Infrastructure.Persistence.Claims;
using NovaPulse.Infrastructure.Workers;

namespace NovaPulse.Infrastructure.Webhooks;

/// <summary>
/// Claims batches of due deliveries (leased, so instances never share an attempt), sends each batch concurrently
/// (<see cref="WebhookOptions.MaxConcurrency"/>) and records its results in one write.
/// </summary>
public sealed partial class WebhookDeliveryWorker(
    IServiceScopeFactory scopes, IWorkClaimer claimer, [FromKeyedServices(WorkSignal.Deliveries)] WorkSignal signal, IOptions<WebhookOptions> options, TimeProvider clock,
    ILogger<WebhookDeliveryWorker> logger) : BackgroundService
{
    /// <summary>Independent claim-send-record loops: one can send while another records its batch.</summary>
    public const int Lanes = 2;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Lanes).Select(_ => RunLaneAsync(stoppingToken)));

    private async Task RunLaneAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                claimed = await RunOnceAsync(settings, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Stopping mid-batch: nothing recorded; the leases expire and the attempts are made again.
                return;
            }
            catch (Exception e)
            {
                LogBatchFailed(logger, e);
            }

            if (claimed == 0)
            {
                try
                {
                    await signal.WaitAsync(settings.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task<int> RunOnceAsync(WebhookOptions settings, CancellationToken stoppingToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ids = await claimer.ClaimDeliveriesAsync(db, settings.BatchSize, clock.GetUtcNow(), settings.LeaseDuration, stoppingToken);
        if (ids.Count == 0)
        {
            return 0;
        }

        var processor = scope.ServiceProvider.GetRequiredService<WebhookDeliveryProcessor>();
        foreach (var outcome in await processor.AttemptManyAsync(ids, stoppingToken))
        {
            if (outcome.Outcome != WebhookDeliveryOutcome.Skipped)
            {
                WebhookMetrics.RecordOutcome(outcome.Outcome switch
                {
                    WebhookDeliveryOutcome.Succeeded => "succeeded",
                    WebhookDeliveryOutcome.Retrying => "retrying",
                    WebhookDeliveryOutcome.Failed => "failed",
                    WebhookDeliveryOutcome.EndpointDisabled => "endpoint_disabled",
                    _ => "abandoned",
                });
            }
        }

        return ids.Count;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A batch of webhook deliveries failed; retried when the leases expire")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception);
}
