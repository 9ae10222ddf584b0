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
/// Claims due deliveries (leased, so instances never share an attempt) and attempts up to
/// <see cref="WebhookOptions.MaxConcurrency"/> at once. A slow receiver occupies one slot, not the whole batch.
/// </summary>
public sealed partial class WebhookDeliveryWorker(
    IServiceScopeFactory scopes, IWorkClaimer claimer, WorkSignal signal, IOptions<WebhookOptions> options, TimeProvider clock,
    ILogger<WebhookDeliveryWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        using var slots = new SemaphoreSlim(settings.MaxConcurrency, settings.MaxConcurrency);
        var running = new HashSet<Task>();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await slots.WaitAsync(stoppingToken);
                var free = slots.CurrentCount + 1;
                IReadOnlyList<Guid> ids = [];
                try
                {
                    using var scope = scopes.CreateScope();
                    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                    ids = await claimer.ClaimDeliveriesAsync(db, Math.Min(free, settings.BatchSize), clock.GetUtcNow(), settings.LeaseDuration, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogClaimFailed(logger, e);
                }

                if (ids.Count == 0)
                {
                    slots.Release();
                    await signal.WaitAsync(settings.PollInterval, stoppingToken);
                    continue;
                }

                for (var i = 0; i < ids.Count; i++)
                {
                    if (i > 0)
                    {
                        await slots.WaitAsync(stoppingToken);
                    }

                    var id = ids[i];
                    var task = AttemptAsync(id, slots, stoppingToken);
                    lock (running)
                    {
                        running.Add(task);
                    }

                    _ = task.ContinueWith(
                        t =>
                        {
                            lock (running)
                            {
                                running.Remove(t);
                            }
                        },
                        CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        Task[] inFlight;
        lock (running)
        {
            inFlight = [.. running];
        }

        await Task.WhenAll(inFlight);
    }

    private async Task AttemptAsync(Guid deliveryId, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            using var scope = scopes.CreateScope();
            var processor = scope.ServiceProvider.GetRequiredService<WebhookDeliveryProcessor>();
            var outcome = await processor.AttemptAsync(deliveryId, stoppingToken);
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
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping mid-attempt: nothing recorded; the lease expires and the attempt is made again.
        }
        catch (Exception e)
        {
            LogAttemptFailed(logger, deliveryId, e);
        }
        finally
        {
            slots.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Claiming webhook deliveries failed")]
    private static partial void LogClaimFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook delivery {DeliveryId} could not be processed; retried when its lease expires")]
    private static partial void LogAttemptFailed(ILogger logger, Guid deliveryId, Exception exception);
}
