using System.Net;
using System.Net.Http.Json;
using NovaPulse.WebApi.IntegrationTests.Infrastructure;

namespace NovaPulse.WebApi.IntegrationTests.Integrations;

/// <summary>
/// A notification whose outcome is unknown (the mail server took the message but its reply came after our time limit)
/// is sent again: at least once, never lost to a stall.
/// </summary>
[Collection(WebhookCollection.Name)]
public sealed class NotificationRetryTests
{
    [Fact]
    public async Task A_timeout_after_data_is_retried_and_the_notification_arrives()
    {
        await using var host = new QuickRetryHost();
        await host.InitializeAsync();
        // Longer than Integrations:TimeoutSeconds (3 s): the first send times out after DATA, its message stored.
        await using var smtp = await SmtpTestServer.StartAsync(firstDataReplyDelay: TimeSpan.FromSeconds(5));
        var tenant = await host.RegisterAsync();
        var email = await tenant.Owner.ConfigureEmailAsync(smtp);
        var response = await tenant.Owner.PutAsJsonAsync($"/api/v1/integrations/{email["id"]}/notifications", new { events = new[] { "task.created" } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        await tenant.Owner.CreateTaskAsync(new { title = "Said twice rather than never" });

        await IntegrationTestExtensions.EventuallyAsync(() => Task.FromResult(smtp.MessagesTo(tenant.OwnerEmail) == 2), "the retried notification");
        // The success is recorded once the server's reply is in, a moment after the message was stored.
        await IntegrationTestExtensions.EventuallyAsync(
            async () => (await tenant.Owner.IntegrationAsync("email")) is { } integration
                && integration["status"]!.GetValue<string>() == "connected" && integration["lastError"] is null,
            "the retry's success to be recorded on the integration");
    }

    private sealed class QuickRetryHost : IntegrationsFactory
    {
        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["Notifications:RetryDelay"] = "00:00:00.100",
            ["Notifications:MaxRetryDelay"] = "00:00:00.200",
        };

        // The retry is due on the host's clock, which must move on its own.
        protected override bool UsesSystemClock => true;
    }
}
