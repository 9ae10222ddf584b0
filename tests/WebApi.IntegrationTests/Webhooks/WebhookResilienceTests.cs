using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Webhooks.Common;
using NovaPulse.Domain.Outbox;
using NovaPulse.Domain.Webhooks;
using NovaPulse.WebApi.IntegrationTests.Infrastructure;

namespace NovaPulse.WebApi.IntegrationTests;

/// <summary>A host started by the test itself: a fresh database, or another process on an existing one.</summary>
public sealed class WebhookHost : NovaPulseFactory
{
    public WebhookHost()
    {
    }

    public WebhookHost(NovaPulseFactory sameDatabaseAs)
        : base(sameDatabaseAs)
    {
    }

    /// <summary>Runs <paramref name="test"/> against a host of its own (for tests that move the clock).</summary>
    public static async Task RunAsync(Func<WebhookHost, Task> test)
    {
        var host = new WebhookHost();
        await host.InitializeAsync();
        try
        {
            await test(host);
        }
        finally
        {
            await host.DisposeAsync();
        }
    }
}

/// <summary>Hosts dying mid-delivery and several instances sharing the work: every event delivered, attempts never doubled.</summary>
[Collection(WebhookCollection.Name)]
public sealed class WebhookResilienceTests
{
    [Fact]
    public async Task Killing_the_host_mid_delivery_loses_nothing_and_duplicates_only_share_the_webhook_id()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Delay = TimeSpan.FromMilliseconds(300);
        var first = new WebhookHost();
        await first.InitializeAsync();
        var tenant = await first.RegisterAsync();
        var endpoint = await tenant.Owner.CreateWebhookAsync(receiver.Url, "task.created");
        for (var i = 0; i < 20; i++)
        {
            await tenant.Owner.CreateTaskAsync(new { title = $"task {i}" });
        }

        await receiver.WaitForCountAsync(2);
        first.KeepDatabaseOnDispose = true;
        await first.DisposeAsync(); // in-flight attempts are cut off; nothing more is recorded by this host

        var second = new WebhookHost(first);
        await second.InitializeAsync();
        try
        {
            // The dead host's leases expire. Moved before the start: Polly's attempt timeouts run on this clock, so a jump
            // with attempts in flight would time them out.
            second.Clock.Advance(TimeSpan.FromMinutes(2));
            _ = second.Services; // start it
            var expected = (await second.WithDbAsync(db => db.OutboxMessages.IgnoreTenant()
                    .Where(m => m.CompanyId == tenant.CompanyId && m.Type == "task.created").Select(m => m.Id).ToListAsync()))
                .Select(WebhookMessage.IdFor).ToHashSet();

            var received = await receiver.WaitForAsync(r => expected.IsSubsetOf(r.Select(x => x.WebhookId)), timeoutSeconds: 30);

            Assert.Equal(20, expected.Count);
            Assert.All(received, r => Assert.Contains(r.WebhookId, expected));
            var deliveries = await second.DeliveriesAsync(endpoint.Id());
            Assert.Equal(20, deliveries.Count);
            Assert.All(
                await WaitUntilAllSucceededAsync(second, endpoint.Id()),
                d => Assert.True(d.Status == WebhookDeliveryStatus.Succeeded, $"{d.Status} after {d.AttemptCount} attempt(s): {d.LastResponseStatus} {d.LastError}, next at {d.NextAttemptAt}"));
        }
        finally
        {
            await second.DisposeAsync();
        }
    }

    [Fact]
    public async Task Instances_sharing_a_database_attempt_each_delivery_exactly_once()
    {
        // Two hosts on PostgreSQL (SKIP LOCKED); SQLite is single-process by design, so one host there.
        var events = TestDatabase.IsPostgres ? 1000 : 200;
        await using var receiver = await WebhookReceiver.StartAsync();
        var first = new WebhookHost();
        await first.InitializeAsync();
        var second = TestDatabase.IsPostgres ? new WebhookHost(first) : null;
        try
        {
            var tenant = await first.RegisterAsync();
            if (second is not null)
            {
                await second.InitializeAsync();
                _ = second.Services;
            }

            var endpoint = await tenant.Owner.CreateWebhookAsync(receiver.Url, "task.updated");
            await first.WithDbAsync(async db =>
            {
                var now = first.Clock.GetUtcNow();
                db.OutboxMessages.AddRange(Enumerable.Range(0, events)
                    .Select(i => OutboxMessage.Create(tenant.CompanyId, "task.updated", $$"""{"n":{{i}}}""", now)));
                return await db.SaveChangesAsync();
            });

            await receiver.WaitForAsync(r => r.Count >= events, timeoutSeconds: 90);
            var deliveries = await WaitUntilAllSucceededAsync(first, endpoint.Id());
            await Task.Delay(300); // a doubled attempt would show up now

            Assert.Equal(events, receiver.Requests.Count);
            Assert.Equal(events, receiver.Requests.Select(r => r.WebhookId).Distinct().Count());
            Assert.Equal(events, deliveries.Count);
            Assert.All(deliveries, d => Assert.Equal(1, d.AttemptCount));
            var attempts = await first.WithDbAsync(db => db.WebhookAttempts.IgnoreTenant().CountAsync(a => a.CompanyId == tenant.CompanyId));
            Assert.Equal(events, attempts);
        }
        finally
        {
            if (second is not null)
            {
                await second.DisposeAsync();
            }

            await first.DisposeAsync();
        }
    }

    private static async Task<List<WebhookDelivery>> WaitUntilAllSucceededAsync(NovaPulseFactory host, Guid endpointId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var deliveries = await host.DeliveriesAsync(endpointId);
            if (deliveries.All(d => d.Status == WebhookDeliveryStatus.Succeeded) || DateTime.UtcNow > deadline)
            {
                return deliveries;
            }

            await Task.Delay(50);
        }
    }
}
