using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using NovaPulse.Domain.Webhooks;
using NovaPulse.Infrastructure.Webhooks;
using NovaPulse.WebApi.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace NovaPulse.WebApi.IntegrationTests;

/// <summary>
/// Claiming is fair across companies: with 100,000 deliveries of one company due, another company's first delivery is
/// claimed in the next batch, not after the backlog.
/// </summary>
[Collection(WebhookCollection.Name)]
public sealed class WebhookFairnessTests(ITestOutputHelper output)
{
    private const int Backlog = 100_000;
    private const int BatchSize = 10;

    [Fact]
    public async Task A_backlog_of_one_company_delays_another_companys_first_delivery_by_at_most_a_batch()
    {
        await using var host = new SmallBatchHost();
        await host.InitializeAsync();
        await using var busyReceiver = await WebhookReceiver.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        // The busy company's receiver is slow, so its backlog drains at a known pace: one batch per lane per 200 ms.
        busyReceiver.Delay = TimeSpan.FromMilliseconds(200);
        var busy = await host.RegisterAsync();
        var busyEndpoint = (await busy.Owner.CreateWebhookAsync(busyReceiver.Url, "task.created")).Id();
        var other = await host.RegisterAsync();
        await other.Owner.CreateWebhookAsync(receiver.Url, "task.created");

        var seeding = Stopwatch.StartNew();
        await SeedBacklogAsync(host, busy.CompanyId, busyEndpoint);
        output.WriteLine($"{Backlog} deliveries seeded in {seeding.ElapsedMilliseconds} ms");
        await busyReceiver.WaitForCountAsync(1);

        await other.Owner.CreateTaskAsync(new { title = "Not behind the backlog" });
        await receiver.WaitForCountAsync(1);
        // Batches record their attempts when all their sends are done: let those that started before it finish.
        await Task.Delay(TimeSpan.FromSeconds(1));
        var busySent = await host.WithDbAsync(async db =>
        {
            var delivery = await db.WebhookDeliveries.IgnoreTenant().AsNoTracking().SingleAsync(d => d.CompanyId == other.CompanyId);
            var sent = await db.WebhookAttempts.IgnoreTenant().AsNoTracking().SingleAsync(a => a.DeliveryId == delivery.Id);
            return await db.WebhookAttempts.IgnoreTenant().AsNoTracking()
                .CountAsync(a => a.CompanyId == busy.CompanyId && a.AttemptedAt > delivery.CreatedAt && a.AttemptedAt < sent.AttemptedAt);
        });

        // Attempts of the backlog started after the other company's delivery was staged and before it was sent: at most
        // a batch per lane claimed before it was staged, and one claimed while its transaction committed. Oldest-first
        // claiming would have put it behind all 100,000.
        output.WriteLine($"busy company's deliveries started between staging and sending the other's: {busySent}");
        Assert.True(busySent <= 2 * WebhookDeliveryWorker.Lanes * BatchSize, $"{busySent} of the backlog went first");
    }

    /// <summary>One delivery through the domain, multiplied in SQL: 100,000 rows in one transaction, all due already.</summary>
    private static Task<int> SeedBacklogAsync(NovaPulseFactory host, Guid companyId, Guid endpointId) => host.WithDbAsync(async db =>
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.WebhookDeliveries.Add(WebhookDelivery.Create(companyId, endpointId, "msg_backlog", "task.created", "{}", host.Clock.GetUtcNow()));
        await db.SaveChangesAsync();
        var (series, newId) = TestDatabase.IsPostgres
            ? ("generate_series(2, {0}) AS g(n)", "gen_random_uuid()")
            : ("g", "printf('%08X-0000-7000-8000-%012X', g.n, g.n)");
        var with = TestDatabase.IsPostgres ? "" : "WITH RECURSIVE g(n) AS (SELECT 2 UNION ALL SELECT n + 1 FROM g WHERE n < {0}) ";
        var insert = with + $"""
            INSERT INTO webhook_deliveries ("Id", "CompanyId", "EndpointId", "MessageId", "EventType", "Payload", "Status", "AttemptCount", "NextAttemptAt", "CreatedAt")
            SELECT {newId}, s."CompanyId", s."EndpointId", s."MessageId", s."EventType", s."Payload", s."Status", s."AttemptCount", s."NextAttemptAt", s."CreatedAt"
            FROM webhook_deliveries s, {series} WHERE s."MessageId" = 'msg_backlog'
            """;
        await db.Database.ExecuteSqlRawAsync(insert, Backlog);
        await transaction.CommitAsync();
        return 0;
    });

    private sealed class SmallBatchHost : NovaPulseFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Webhooks:BatchSize"] = BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Webhooks:MaxConcurrency"] = BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}
