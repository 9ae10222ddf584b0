using NovaPulse.WebApi.IntegrationTests.Infrastructure;

namespace NovaPulse.WebApi.IntegrationTests;

/// <summary>
/// Workers poll every 5 minutes here, so only the commit-time wake-up (outbox interceptor -> outbox processor ->
/// delivery worker) can deliver an event within the test's seconds.
/// </summary>
public sealed class OutboxWakeTests
{
    [Fact]
    public async Task A_commit_that_writes_events_wakes_the_workers_without_waiting_for_the_poll()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var host = new SlowPollingHost();
        await host.InitializeAsync();
        try
        {
            var tenant = await host.RegisterAsync();
            await tenant.Owner.CreateWebhookAsync(receiver.Url, "task.created");

            var task = await tenant.Owner.CreateTaskAsync(new { title = "wake up" });

            var received = await receiver.WaitForAsync(r => r.Any(x => x.Body.Contains(task.Id().ToString(), StringComparison.Ordinal)), timeoutSeconds: 20);
            Assert.Contains("task.created", received.Single().Body, StringComparison.Ordinal);
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    private sealed class SlowPollingHost : NovaPulseFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Webhooks:PollInterval"] = "00:05:00" };
    }
}
