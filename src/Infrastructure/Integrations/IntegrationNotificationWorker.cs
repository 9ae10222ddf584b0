using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NovaPulse.Application.Integrations.Common;
using NovaPulse.Application.Integrations.Notify;
using NovaPulse.Infrastructure.Metrics;
using NovaPulse.Infrastructure.Persistence;
using NovaPulse.Infrastructure.Persistence.Claims;
using NovaPulse.Infrastructure.Workers;

namespace NovaPulse.Infrastructure.Integrations;

/// <summary>
/// Sends integration notifications outside any transaction. Keeps up to <see cref="NotificationOptions.MaxConcurrency"/>
/// sends in flight, each recorded as soon as it ends (a slow send holds back no other), and claims more (leased, fairly
/// across companies) whenever a slot frees, a fan-out in this process signals, or the poll interval passes. A company
/// holds at most <see cref="NotificationOptions.MaxConcurrencyPerCompany"/> slots: rows claimed beyond that are released
/// at once, so a company whose mail server stalls every connection cannot take the slots other companies need.
/// </summary>
public sealed partial class IntegrationNotificationWorker(
    IServiceScopeFactory scopes, IWorkClaimer claimer, [FromKeyedServices(WorkSignal.Notifications)] WorkSignal signal,
    IOptions<NotificationOptions> options, IOptions<IntegrationOptions> integrations, TimeProvider clock,
    ILogger<IntegrationNotificationWorker> logger) : BackgroundService
{
    // Sends in flight and their company; touched only by the ExecuteAsync loop.
    private readonly Dictionary<Task, Guid> _running = [];

    /// <summary>How long a claimed notification stays reserved: the send's limit, its backstop, and a margin.</summary>
    public TimeSpan Lease =>
        TimeSpan.FromSeconds(integrations.Value.TimeoutSeconds) + IntegrationNotificationSender.BackstopMargin + options.Value.LeaseMargin;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        Task<bool>? wake = null;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var more = false;
                if (_running.Count < settings.MaxConcurrency)
                {
                    try
                    {
                        more = await ClaimAndStartAsync(settings, stoppingToken);
                    }
                    catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                    {
                        return;
                    }
                    catch (Exception e)
                    {
                        LogClaimFailed(logger, e);
                    }
                }

                if (more && _running.Count < settings.MaxConcurrency)
                {
                    continue;
                }

                // A pending wait is kept across rounds: dropping it would swallow the signal it later receives.
                wake ??= signal.WaitAsync(settings.PollInterval, stoppingToken);
                if (await Task.WhenAny([wake, .. _running.Keys]) == wake)
                {
                    wake = null;
                }

                foreach (var done in _running.Keys.Where(t => t.IsCompleted).ToList())
                {
                    _running.Remove(done);
                }
            }
        }
        finally
        {
            // Stopping: sends see the cancelled token and record nothing; their leases expire and they are made again.
            await Task.WhenAll(_running.Keys);
        }
    }

    /// <summary>Claims for the free slots and starts the sends; true when the claim came back full (more may be due).</summary>
    private async Task<bool> ClaimAndStartAsync(NotificationOptions settings, CancellationToken stoppingToken)
    {
        var perCompany = settings.MaxConcurrencyPerCompany;
        var busy = _running.Values.GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        // A claim takes at most perCompany rows of one company: asking that much more per saturated company leaves room
        // for everyone else's even when the saturated ones' rows come first.
        var ask = settings.MaxConcurrency - _running.Count + (busy.Count(b => b.Value >= perCompany) * perCompany);
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ids = await claimer.ClaimNotificationsAsync(db, ask, perCompany, clock.GetUtcNow(), Lease, stoppingToken);
        if (ids.Count == 0)
        {
            return false;
        }

        var claimed = await db.IntegrationNotifications.IgnoreQueryFilters().AsNoTracking()
            .Where(n => ids.Contains(n.Id))
            .Select(n => new { n.Id, n.CompanyId, n.NextAttemptAt })
            .ToListAsync(stoppingToken);
        var released = new List<Guid>();
        foreach (var row in claimed.OrderBy(n => n.NextAttemptAt))
        {
            var inFlight = busy.GetValueOrDefault(row.CompanyId);
            if (_running.Count >= settings.MaxConcurrency || inFlight >= perCompany)
            {
                released.Add(row.Id);
                continue;
            }

            busy[row.CompanyId] = inFlight + 1;
            _running[SendAsync(row.Id, settings, stoppingToken)] = row.CompanyId;
        }

        if (released.Count > 0)
        {
            await db.IntegrationNotifications.IgnoreQueryFilters()
                .Where(n => released.Contains(n.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.LockedUntil, (DateTimeOffset?)null), stoppingToken);
        }

        return ids.Count == ask && released.Count == 0;
    }

    private async Task SendAsync(Guid id, NotificationOptions settings, CancellationToken stoppingToken)
    {
        // Off the claim loop: the send's first database round trip must not hold it up.
        await Task.Yield();
        try
        {
            using var scope = scopes.CreateScope();
            var sender = scope.ServiceProvider.GetRequiredService<IntegrationNotificationSender>();
            var outcome = await sender.SendAsync(id, attempts => Backoff.Next(settings.RetryDelay, attempts, settings.MaxRetryDelay), stoppingToken);
            if (outcome != NotificationOutcome.Skipped)
            {
                NotificationMetrics.RecordOutcome(outcome.ToString().ToLowerInvariant());
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping mid-send: nothing recorded; the lease expires and the attempt is made again.
        }
        catch (Exception e)
        {
            LogSendFailed(logger, id, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Claiming integration notifications failed; trying again")]
    private static partial void LogClaimFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Integration notification {NotificationId} could not be recorded; sent again when its lease expires")]
    private static partial void LogSendFailed(ILogger logger, Guid notificationId, Exception exception);
}
