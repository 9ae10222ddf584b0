using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Common.Options;
using NovaPulse.Infrastructure.Cluster;
using NovaPulse.Infrastructure.Metrics;
using NovaPulse.Infrastructure.Persistence;
using NovaPulse.Infrastructure.Persistence.Claims;
using NovaPulse.Infrastructure.Workers;

namespace NovaPulse.Infrastructure.Outbox;

/// <summary>
/// Publishes committed outbox events to every <see cref="IOutboxEventConsumer"/>. A batch is claimed with a lease, then
/// the consumers' writes and the "processed" marks commit in one transaction: an event is consumed exactly once, or
/// retried (with backoff) if anything fails. A failing batch is retried event by event so one bad event holds up no other,
/// and an event that fails <c>Outbox:MaxAttempts</c> times is parked: skipped from then on, counted and logged.
/// </summary>
public sealed partial class OutboxProcessor(
    IServiceScopeFactory scopes, IWorkClaimer claimer, [FromKeyedServices(WorkSignal.Outbox)] WorkSignal committed,
    WakeUps wakeUps, IOptions<OutboxSettings> options, TimeProvider clock,
    ILogger<OutboxProcessor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                claimed = await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogRoundFailed(logger, e);
            }

            if (claimed < options.Value.BatchSize)
            {
                try
                {
                    // Woken at once by a commit that wrote events (here, or on another host through NOTIFY); else polls.
                    await committed.WaitAsync(options.Value.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Claims and processes one batch; returns how many events were claimed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<Guid> ids;
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            ids = await claimer.ClaimOutboxAsync(db, options.Value.BatchSize, clock.GetUtcNow(), options.Value.LeaseDuration, cancellationToken);
        }

        if (ids.Count == 0)
        {
            return 0;
        }

        try
        {
            await ProcessAsync(ids, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogBatchFailed(logger, ids.Count, e);
            foreach (var id in ids)
            {
                try
                {
                    await ProcessAsync([id], cancellationToken);
                }
                catch (Exception single) when (single is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    await MarkFailedAsync(id, single, cancellationToken);
                }
            }
        }

        wakeUps.EventsConsumed();
        return ids.Count;
    }

    private async Task ProcessAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var consumers = scope.ServiceProvider.GetServices<IOutboxEventConsumer>().ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The worker acts for no tenant: each event carries its company.
        var messages = await db.OutboxMessages.IgnoreQueryFilters().AsNoTracking()
            .Where(m => ids.Contains(m.Id) && m.ProcessedAt == null)
            .OrderBy(m => m.OccurredAt).ThenBy(m => m.Id) // the stream's order too: ties (two commits' same microsecond) by id
            .ToListAsync(cancellationToken);
        foreach (var message in messages)
        {
            var outboxEvent = new OutboxEvent(message.Id, message.CompanyId, message.Type, message.Payload, message.OccurredAt);
            foreach (var consumer in consumers)
            {
                await consumer.ConsumeAsync(outboxEvent, cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        var processed = messages.Select(m => m.Id).ToList();
        var now = clock.GetUtcNow();
        // Conditional mark: if another instance took over an expired lease and got there first, ours touches fewer rows
        // and the whole batch rolls back, so its consumers' writes never happen twice.
        var marked = await db.OutboxMessages.IgnoreQueryFilters()
            .Where(m => processed.Contains(m.Id) && m.ProcessedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedAt, now).SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), cancellationToken);
        if (marked != processed.Count)
        {
            await transaction.RollbackAsync(cancellationToken);
            LogLostRace(logger, processed.Count - marked);
            return;
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private async Task MarkFailedAsync(Guid id, Exception error, CancellationToken cancellationToken)
    {
        LogEventFailed(logger, id, error);
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var message = await db.OutboxMessages.IgnoreQueryFilters().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (message is null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        if (message.MarkFailed(error.GetType().Name + ": " + error.Message, now, options.Value.MaxAttempts))
        {
            await db.SaveChangesAsync(cancellationToken);
            LogParked(logger, message.Id, message.Type, message.CompanyId, message.Attempts);
            OutboxMetrics.CountParked();
            return;
        }

        // Back off exponentially (capped at an hour) so a poison event does not spin.
        var backoff = TimeSpan.FromSeconds(Math.Min(3600, Math.Pow(2, Math.Min(message.Attempts, 12))));
        db.Entry(message).Property(m => m.LockedUntil).CurrentValue = now + backoff;
        await db.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox round failed")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox batch of {Count} failed; retrying event by event")]
    private static partial void LogBatchFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox event {OutboxEventId} failed; retried later")]
    private static partial void LogEventFailed(ILogger logger, Guid outboxEventId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox event {OutboxEventId} ({EventType}, company {CompanyId}) parked after {Attempts} failed attempts; requeue it once the cause is fixed (docs/RELIABILITY.md)")]
    private static partial void LogParked(ILogger logger, Guid outboxEventId, string eventType, Guid companyId, int attempts);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} outbox events were processed by another instance; batch rolled back")]
    private static partial void LogLostRace(ILogger logger, int count);
}
