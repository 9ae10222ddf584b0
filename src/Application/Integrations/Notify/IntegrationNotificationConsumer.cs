using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Integrations.Common;
using NovaPulse.Domain.Common;
using NovaPulse.Domain.Integrations;

namespace NovaPulse.Application.Integrations.Notify;

/// <summary>
/// Sends a Slack message or an email for each outbox event an enabled integration subscribes to. Email goes to the member
/// the event concerns (a task's assignee) or, when there is none, to the company's Owners. The send happens inside the
/// outbox processor's batch: the outcome is staged on the integration and commits with the event's mark; a failed send is
/// recorded (and logged without credentials), never thrown, so one broken Slack channel cannot hold back webhooks.
/// Delivery is at least once: a batch rolled back after a send repeats it.
/// </summary>
public sealed partial class IntegrationNotificationConsumer(IAppDbContext db, IntegrationMessenger messenger, ILogger<IntegrationNotificationConsumer> logger)
    : IOutboxEventConsumer
{
    public async ValueTask ConsumeAsync(OutboxEvent outboxEvent, CancellationToken cancellationToken)
    {
        // The worker acts for no tenant: the company comes from the event itself.
        var integrations = (await db.Integrations.IgnoreQueryFilters()
                .Where(i => i.CompanyId == outboxEvent.CompanyId && i.Status == IntegrationStatus.Connected && i.Type != IntegrationType.Google)
                .ToListAsync(cancellationToken))
            .Where(i => i.Notifies(outboxEvent.Type) && i.CreatedAt <= outboxEvent.OccurredAt)
            .ToList();
        if (integrations.Count == 0)
        {
            return;
        }

        var data = JsonNode.Parse(outboxEvent.Payload);
        var (subject, body) = NotificationText.For(outboxEvent.Type, data);
        foreach (var integration in integrations)
        {
            var recipients = integration.Type == IntegrationType.Email ? await RecipientsAsync(outboxEvent.CompanyId, data, cancellationToken) : [null];
            foreach (var recipient in recipients)
            {
                var result = await messenger.SendAsync(integration, subject, body, recipient, test: false, cancellationToken);
                if (!result.Succeeded)
                {
                    LogFailed(logger, outboxEvent.Type, outboxEvent.Id, integration.Type, integration.Id, result.Error);
                }
            }
        }
    }

    private async Task<List<string?>> RecipientsAsync(Guid companyId, JsonNode? data, CancellationToken cancellationToken)
    {
        var users = db.Users.IgnoreQueryFilters().AsNoTracking().Where(u => u.CompanyId == companyId);
        var people = NotificationText.AssigneeOf(data) is { } assignee
            ? users.Where(u => u.Id == assignee)
            : users.Where(u => u.Role == Role.Owner);
        return [.. await people.Select(u => u.Email).ToListAsync(cancellationToken)];
    }

    [LoggerMessage(LogLevel.Warning, "Notification of {EventType} ({EventId}) through {IntegrationType} integration {IntegrationId} failed: {Error}")]
    private static partial void LogFailed(ILogger logger, string eventType, Guid eventId, IntegrationType integrationType, Guid integrationId, string? error);
}
