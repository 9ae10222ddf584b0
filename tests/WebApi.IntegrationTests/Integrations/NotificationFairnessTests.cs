using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using NovaPulse.Domain.Integrations;
using NovaPulse.WebApi.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace NovaPulse.WebApi.IntegrationTests.Integrations;

/// <summary>
/// Notifications are claimed fairly too: with 100,000 of one company's Slack notifications due, another company's first
/// notification goes out within a few of the backlog's sends, not after them.
/// </summary>
[Collection(WebhookCollection.Name)]
public sealed class NotificationFairnessTests(ITestOutputHelper output)
{
    private const int Backlog = 100_000;
    private const int Slots = 8;

    [Fact]
    public async Task A_backlog_of_one_companys_notifications_delays_another_companys_first_by_at_most_a_batch()
    {
        await using var host = new FewSlotsHost();
        await host.InitializeAsync();
        var busy = await host.RegisterAsync();
        var busyUrl = host.Slack.NewWebhookUrl();
        var busySlack = Guid.Parse((await busy.Owner.ConfigureSlackAsync(busyUrl))["id"]!.GetValue<string>());
        var other = await host.RegisterAsync();
        var otherUrl = host.Slack.NewWebhookUrl();
        var otherSlack = (await other.Owner.ConfigureSlackAsync(otherUrl))["id"]!.GetValue<string>();
        var subscribed = await other.Owner.PutAsJsonAsync($"/api/v1/integrations/{otherSlack}/notifications", new { events = new[] { "task.created" } });
        Assert.Equal(HttpStatusCode.OK, subscribed.StatusCode);

        await SeedBacklogAsync(host, busy.CompanyId, busySlack);
        await IntegrationTestExtensions.EventuallyAsync(() => Task.FromResult(host.Slack.MessagesTo(busyUrl).Count > 0), "the backlog to be sending");
        await other.Owner.CreateTaskAsync(new { title = "Not behind the backlog" });
        await IntegrationTestExtensions.EventuallyAsync(() => Task.FromResult(host.Slack.MessagesTo(otherUrl).Count == 1), "the other company's notification");
        var busySent = await host.WithDbAsync(async db =>
        {
            var sent = await SentAsync(db, other.CompanyId);
            return await db.IntegrationNotifications.IgnoreTenant().AsNoTracking()
                .CountAsync(n => n.CompanyId == busy.CompanyId && n.CompletedAt > sent.CreatedAt && n.CompletedAt < sent.CompletedAt);
        });

        // Sent between the other company's notification being written and sent: the sends in flight (all slots), and as
        // many more as it takes the busy company to fill its share, after which every claim asks past it.
        output.WriteLine($"busy company's notifications sent meanwhile: {busySent}");
        Assert.True(busySent <= 2 * Slots, $"{busySent} of the backlog went first");
    }

    private static async Task<IntegrationNotification> SentAsync(NovaPulse.Infrastructure.Persistence.AppDbContext db, Guid companyId)
    {
        // Recorded a moment after Slack got it.
        for (var i = 0; ; i++)
        {
            var notification = await db.IntegrationNotifications.IgnoreTenant().AsNoTracking().SingleAsync(n => n.CompanyId == companyId);
            if (notification.CompletedAt is not null || i == 300)
            {
                return notification;
            }

            await Task.Delay(50);
        }
    }

    /// <summary>One notification through the domain, multiplied in SQL: 100,000 rows in one transaction, all due already.</summary>
    private static Task<int> SeedBacklogAsync(NovaPulseFactory host, Guid companyId, Guid integrationId) => host.WithDbAsync(async db =>
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var seed = IntegrationNotification.Create(companyId, integrationId, Guid.NewGuid(), "task.created", null, "Backlog", "Backlog", host.Clock.GetUtcNow());
        db.IntegrationNotifications.Add(seed);
        await db.SaveChangesAsync();
        var (series, newId) = TestDatabase.IsPostgres
            ? ("generate_series(2, {0}) AS g(n)", "gen_random_uuid()")
            : ("g", "printf('%08X-0000-7000-8000-%012X', g.n, g.n)");
        var with = TestDatabase.IsPostgres ? "" : "WITH RECURSIVE g(n) AS (SELECT 2 UNION ALL SELECT n + 1 FROM g WHERE n < {0}) ";
        var insert = with + $"""
            INSERT INTO integration_notifications ("Id", "CompanyId", "IntegrationId", "EventId", "EventType", "Subject", "Body", "Status", "Attempts", "NextAttemptAt", "CreatedAt")
            SELECT {newId}, s."CompanyId", s."IntegrationId", s."EventId", s."EventType", s."Subject", s."Body", s."Status", s."Attempts", s."NextAttemptAt", s."CreatedAt"
            FROM integration_notifications s, {series} WHERE s."Subject" = 'Backlog'
            """;
        await db.Database.ExecuteSqlRawAsync(insert, Backlog);
        await transaction.CommitAsync();
        return 0;
    });

    private sealed class FewSlotsHost : IntegrationsFactory
    {
        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["Notifications:MaxConcurrency"] = Slots.ToString(CultureInfo.InvariantCulture),
            ["Notifications:MaxConcurrencyPerCompany"] = (Slots / 2).ToString(CultureInfo.InvariantCulture),
        };
    }
}
