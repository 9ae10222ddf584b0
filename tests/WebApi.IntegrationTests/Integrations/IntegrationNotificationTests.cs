using System.Net;
using System.Net.Http.Json;
using NovaPulse.WebApi.IntegrationTests.Infrastructure;

namespace NovaPulse.WebApi.IntegrationTests.Integrations;

/// <summary>Integrations subscribed to events send a message when the outbox publishes them.</summary>
[Collection(IntegrationsCollection.Name)]
public sealed class IntegrationNotificationTests(IntegrationsFactory factory)
{
    [Fact]
    public async Task A_subscribed_slack_integration_posts_when_a_task_is_created()
    {
        var tenant = await factory.RegisterAsync();
        var url = factory.Slack.NewWebhookUrl();
        var id = (await tenant.Owner.ConfigureSlackAsync(url))["id"]!.GetValue<string>();

        var subscribed = await tenant.Owner.PutAsJsonAsync($"/api/v1/integrations/{id}/notifications", new { events = new[] { "task.created" } });
        Assert.Equal(HttpStatusCode.OK, subscribed.StatusCode);
        await tenant.Owner.CreateTaskAsync(new { title = "Ship the integrations" });
        await tenant.Owner.CreateTaskAsync(new { title = "Also announced" });

        await IntegrationTestExtensions.EventuallyAsync(() => Task.FromResult(factory.Slack.MessagesTo(url).Count >= 2), "two Slack notifications");
        var texts = factory.Slack.MessagesTo(url).Select(m => m["text"]!.GetValue<string>()).ToList();
        Assert.Contains(texts, t => t.StartsWith("Task created: Ship the integrations", StringComparison.Ordinal));
        Assert.Equal((await subscribed.ReadJsonAsync())["notificationEvents"]!.AsArray().Select(e => e!.GetValue<string>()), ["task.created"]);
    }

    [Fact]
    public async Task Task_assigned_emails_the_assignee()
    {
        var tenant = await factory.RegisterAsync();
        var email = await tenant.Owner.ConfigureEmailAsync(factory.Smtp);
        var (_, memberId) = await tenant.AddMemberAsync("member");
        var members = (await tenant.Owner.GetFromJsonAsync<System.Text.Json.Nodes.JsonNode>("/api/v1/members?limit=100"))!["items"]!.AsArray();
        var memberEmail = members.Single(m => m!["id"]!.GetValue<string>() == memberId.ToString())!["email"]!.GetValue<string>();
        var response = await tenant.Owner.PutAsJsonAsync(
            $"/api/v1/integrations/{email["id"]}/notifications", new { events = new[] { "task.assigned" } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        await tenant.Owner.CreateTaskAsync(new { title = "Review the contract", assigneeId = memberId });

        var message = await factory.Smtp.WaitForMessageToAsync(memberEmail);
        Assert.Equal("Task assigned to you: Review the contract", message.Subject);
        Assert.Equal("alerts@novapulse.test", message.From.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task A_notification_refused_login_breaks_the_integration_with_the_reply_code()
    {
        // The worker shares the sender: a tarpitted refusal is classified, not left to time out as passing trouble.
        await using var smtp = await SmtpTestServer.StartAsync(refusalDelay: TimeSpan.FromSeconds(1.2));
        var tenant = await factory.RegisterAsync();
        var email = await tenant.Owner.ConfigureEmailAsync(smtp, password: "wrong-password");
        var response = await tenant.Owner.PutAsJsonAsync($"/api/v1/integrations/{email["id"]}/notifications", new { events = new[] { "task.created" } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        await tenant.Owner.CreateTaskAsync(new { title = "Nobody gets this" });

        await IntegrationTestExtensions.EventuallyAsync(
            async () => (await tenant.Owner.IntegrationAsync("email"))!["status"]!.GetValue<string>() == "broken", "the email integration to break");
        var listed = await tenant.Owner.IntegrationAsync("email");
        Assert.Contains("rejected the username or password (535", listed!["lastError"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_event_types_are_400_and_an_unsubscribed_integration_stays_quiet()
    {
        var tenant = await factory.RegisterAsync();
        var url = factory.Slack.NewWebhookUrl();
        var id = (await tenant.Owner.ConfigureSlackAsync(url))["id"]!.GetValue<string>();

        var unknown = await tenant.Owner.PutAsJsonAsync($"/api/v1/integrations/{id}/notifications", new { events = new[] { "task.exploded" } });
        await tenant.Owner.CreateTaskAsync(new { title = "Nobody hears this" });
        await Task.Delay(500);

        await unknown.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Empty(factory.Slack.MessagesTo(url));
    }
}
