using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NovaPulse.WebApi.IntegrationTests.Infrastructure;

namespace NovaPulse.WebApi.IntegrationTests.Integrations;

/// <summary>
/// Notifications are sent by their own worker, outside the outbox transaction: a company whose mail server accepts
/// connections and then stalls holds up neither another company's webhooks nor its Slack and email notifications.
/// </summary>
[Collection(IntegrationsCollection.Name)]
public sealed class NotificationIsolationTests(IntegrationsFactory factory)
{
    [Fact]
    public async Task A_tarpit_mail_server_of_one_company_delays_no_other_companys_webhooks_or_notifications()
    {
        using var tarpit = new TarpitSmtpServer();
        await using var receiver = await WebhookReceiver.StartAsync();
        var stalling = await factory.RegisterAsync();
        var stallingEmail = await stalling.Owner.ConfigureEmailAsync(factory.Smtp, port: tarpit.Port);
        await SubscribeAsync(stalling.Owner, stallingEmail, "task.created");

        var other = await factory.RegisterAsync();
        await other.Owner.CreateWebhookAsync(receiver.Url, "task.created");
        var slackUrl = factory.Slack.NewWebhookUrl();
        await SubscribeAsync(other.Owner, await other.Owner.ConfigureSlackAsync(slackUrl), "task.created");
        await SubscribeAsync(other.Owner, await other.Owner.ConfigureEmailAsync(factory.Smtp), "task.created");

        // Each of these sends stalls until Integrations:TimeoutSeconds (3 s here); sent inside the outbox batch, they
        // would hold every later event of every company for that long, one after the other.
        for (var i = 0; i < 4; i++)
        {
            await stalling.Owner.CreateTaskAsync(new { title = $"Stalled notice {i}" });
        }

        await IntegrationTestExtensions.EventuallyAsync(() => Task.FromResult(tarpit.Connections > 0), "the tarpit to be connected to");
        var clock = Stopwatch.StartNew();
        await other.Owner.CreateTaskAsync(new { title = "Announced on time" });

        await receiver.WaitForCountAsync(1, timeoutSeconds: 2);
        var webhookAfter = clock.Elapsed;
        await IntegrationTestExtensions.EventuallyAsync(
            () => Task.FromResult(factory.Slack.MessagesTo(slackUrl).Count == 1), "the other company's Slack notification", TimeSpan.FromSeconds(2));
        var mail = await factory.Smtp.WaitForMessageToAsync(other.OwnerEmail, TimeSpan.FromSeconds(2));

        Assert.True(webhookAfter < TimeSpan.FromSeconds(2), $"the webhook took {webhookAfter.TotalMilliseconds:0} ms");
        Assert.Equal("Task created: Announced on time", mail.Subject);
        // The stalled sends are recorded as passing trouble on the stalling company's integration, as a test send's would be.
        await IntegrationTestExtensions.EventuallyAsync(
            async () => (await stalling.Owner.IntegrationAsync("email"))!["lastError"]?.GetValue<string>()?.Contains("did not answer within 3 s", StringComparison.Ordinal) == true,
            "the stalled sends to be recorded");
        Assert.Equal("connected", (await stalling.Owner.IntegrationAsync("email"))!["status"]!.GetValue<string>());
    }

    private static async Task SubscribeAsync(HttpClient owner, JsonNode integration, params string[] events)
    {
        var response = await owner.PutAsJsonAsync($"/api/v1/integrations/{integration["id"]}/notifications", new { events });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
