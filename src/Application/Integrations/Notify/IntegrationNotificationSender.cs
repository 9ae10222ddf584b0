using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Integrations.Common;
using NovaPulse.Domain.Integrations;

namespace NovaPulse.Application.Integrations.Notify;

/// <summary>
/// Makes one attempt of a notification the caller has claimed, outside any transaction, and records the outcome on the
/// notification and on its integration (as a test send does: a refused SMTP login marks it broken). A passing failure
/// (timeout, 5xx, a dropped connection, a timeout after DATA whose outcome is unknown) is retried, so delivery is at
/// least once; a permanent one fails the notification. A send is cut off a little after <c>Integrations:TimeoutSeconds</c>
/// even if a provider client overran its own limit, so a stalled server holds its worker slot no longer than that.
/// </summary>
public sealed partial class IntegrationNotificationSender(
    IAppDbContext db, IntegrationMessenger messenger, IOptions<NotificationOptions> options, IOptions<IntegrationOptions> integrations,
    TimeProvider clock, ILogger<IntegrationNotificationSender> logger)
{
    /// <summary>Beyond the send's own limit, before the backstop cuts it off.</summary>
    public static readonly TimeSpan BackstopMargin = TimeSpan.FromSeconds(5);

    /// <summary>Attempts <paramref name="notificationId"/>; <paramref name="retryDelay"/> is the wait before the next attempt, given the attempts made so far.</summary>
    public async Task<NotificationOutcome> SendAsync(Guid notificationId, Func<int, TimeSpan> retryDelay, CancellationToken cancellationToken)
    {
        // Workers act for no tenant; the row names its company.
        var notification = await db.IntegrationNotifications.IgnoreQueryFilters()
            .SingleOrDefaultAsync(n => n.Id == notificationId && n.Status == IntegrationNotificationStatus.Pending, cancellationToken);
        if (notification is null)
        {
            return NotificationOutcome.Skipped;
        }

        var integration = await db.Integrations.IgnoreQueryFilters()
            .SingleOrDefaultAsync(i => i.Id == notification.IntegrationId && i.CompanyId == notification.CompanyId, cancellationToken);
        if (integration is not { Status: IntegrationStatus.Connected })
        {
            notification.Abandon(integration is null ? "The integration was deleted." : $"The integration is {integration.Status.ToString().ToLowerInvariant()}.", clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            return NotificationOutcome.Abandoned;
        }

        var result = await SendWithBackstopAsync(integration, notification, cancellationToken);
        var now = clock.GetUtcNow();
        NotificationOutcome outcome;
        if (result.Succeeded)
        {
            notification.RecordSent(now);
            outcome = NotificationOutcome.Sent;
        }
        else
        {
            LogFailed(logger, notification.EventType, notification.EventId, integration.Type, integration.Id, notification.Attempts + 1, result.Error);
            var retry = result.FailureStatus == IntegrationStatus.Connected && notification.Attempts + 1 < options.Value.MaxAttempts;
            notification.RecordFailure(result.Error ?? "failed", retry ? now + retryDelay(notification.Attempts + 1) : null, now);
            outcome = retry ? NotificationOutcome.Retrying : NotificationOutcome.Failed;
        }

        await SendOutcomes.SaveAsync(db, cancellationToken);
        return outcome;
    }

    private async Task<SendResult> SendWithBackstopAsync(Integration integration, IntegrationNotification notification, CancellationToken cancellationToken)
    {
        var limit = TimeSpan.FromSeconds(integrations.Value.TimeoutSeconds) + BackstopMargin;
        using var backstop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        backstop.CancelAfter(limit);
        try
        {
            return await messenger.SendAsync(integration, notification.Subject, notification.Body, notification.Recipient, test: false, backstop.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var result = SendResult.Transient($"The {integration.Type.ToString().ToLowerInvariant()} send did not finish within {limit.TotalSeconds:0} s.");
            result.ApplyTo(integration, clock.GetUtcNow(), tested: false);
            return result;
        }
    }

    [LoggerMessage(LogLevel.Warning, "Notification of {EventType} ({OutboxEventId}) through {IntegrationType} integration {IntegrationId} failed (attempt {Attempt}): {Error}")]
    private static partial void LogFailed(
        ILogger logger, string eventType, Guid outboxEventId, IntegrationType integrationType, Guid integrationId, int attempt, string? error);
}

/// <summary>What one attempt of a notification led to.</summary>
public enum NotificationOutcome
{
    /// <summary>Not pending any more (another worker finished it).</summary>
    Skipped,
    Sent,
    Retrying,

    /// <summary>A permanent failure, or the attempts are used up.</summary>
    Failed,

    /// <summary>Not sent: the integration was deleted or no longer works.</summary>
    Abandoned,
}
