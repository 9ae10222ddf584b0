using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Domain.Common;
using NovaPulse.Domain.Integrations;

namespace NovaPulse.Application.Integrations.Notify;

/// <summary>
/// Turns each outbox event into one pending notification per enabled integration that subscribes to its type and per
/// recipient: email goes to the member the event concerns (a task's assignee) or, when there is none, to the company's
/// Owners. Runs in the outbox processor's transaction and only writes rows: the sending (network I/O, which a stalling
/// server of one company could drag out) is the notification worker's, outside any transaction.
/// </summary>
public sealed class IntegrationNotificationConsumer(IAppDbContext db, TimeProvider clock) : IOutboxEventConsumer
{
    // One instance per batch (scoped): a company's integrations are read once, not once per event.
    private readonly Dictionary<Guid, List<Integration>> _byCompany = [];

    public int Staged { get; private set; }

    public async ValueTask ConsumeAsync(OutboxEvent outboxEvent, CancellationToken cancellationToken)
    {
        if (!_byCompany.TryGetValue(outboxEvent.CompanyId, out var all))
        {
            // The worker acts for no tenant: the company comes from the event itself.
            all = await db.Integrations.IgnoreQueryFilters().AsNoTracking()
                .Where(i => i.CompanyId == outboxEvent.CompanyId && i.Type != IntegrationType.Google)
                .ToListAsync(cancellationToken);
            _byCompany[outboxEvent.CompanyId] = all;
        }

        var integrations = all.Where(i => i.Notifies(outboxEvent.Type) && i.CreatedAt <= outboxEvent.OccurredAt).ToList();
        if (integrations.Count == 0)
        {
            return;
        }

        var data = JsonNode.Parse(outboxEvent.Payload);
        var (subject, body) = NotificationText.For(outboxEvent.Type, data);
        var now = clock.GetUtcNow();
        foreach (var integration in integrations)
        {
            var recipients = integration.Type == IntegrationType.Email ? await RecipientsAsync(outboxEvent.CompanyId, data, cancellationToken) : [null];
            foreach (var recipient in recipients)
            {
                db.IntegrationNotifications.Add(IntegrationNotification.Create(
                    outboxEvent.CompanyId, integration.Id, outboxEvent.Id, outboxEvent.Type, recipient, subject, body, now));
                Staged++;
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
}
