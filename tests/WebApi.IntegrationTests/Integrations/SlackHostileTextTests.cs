using System.Net;
using System.Net.Http.Json;
using NovaPulse.WebApi.IntegrationTests.Infrastructure;

namespace NovaPulse.WebApi.IntegrationTests.Integrations;

/// <summary>Tenant text going to Slack, and whatever a tenant's Slack URL answers, stay harmless.</summary>
[Collection(IntegrationsCollection.Name)]
public sealed class SlackHostileTextTests(IntegrationsFactory factory)
{
    [Fact]
    public async Task A_task_title_cannot_mention_the_channel_or_forge_a_link()
    {
        var tenant = await factory.RegisterAsync();
        var url = factory.Slack.NewWebhookUrl();
        var id = (await tenant.Owner.ConfigureSlackAsync(url))["id"]!.GetValue<string>();
        var subscribed = await tenant.Owner.PutAsJsonAsync($"/api/v1/integrations/{id}/notifications", new { events = new[] { "task.created" } });
        Assert.Equal(HttpStatusCode.OK, subscribed.StatusCode);

        await tenant.Owner.CreateTaskAsync(new { title = "<!channel> hi & <https://evil.example|your invoice>" });

        await IntegrationTestExtensions.EventuallyAsync(() => Task.FromResult(factory.Slack.MessagesTo(url).Count >= 1), "the Slack notification");
        var text = Assert.Single(factory.Slack.MessagesTo(url))["text"]!.GetValue<string>();
        Assert.StartsWith("Task created: &lt;!channel&gt; hi &amp; &lt;https://evil.example|your invoice&gt;", text, StringComparison.Ordinal);
        Assert.DoesNotContain('<', text);
        Assert.DoesNotContain('>', text);
    }

    [Fact]
    public async Task An_endless_reply_is_read_only_up_to_the_cap()
    {
        using var endless = new EndlessReplyServer();
        var tenant = await factory.RegisterAsync();
        await tenant.Owner.ConfigureSlackAsync(endless.Url + "/services/T0/B0/endless");

        var result = await tenant.Owner.PostJsonAsync("/api/v1/integrations/slack/test");

        // Reading it whole outlasts the send budget, which would be reported as "did not answer within the timeout".
        Assert.False(result["succeeded"]!.GetValue<bool>());
        Assert.Equal("Slack refused the webhook (404 no reason given).", result["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_reply_with_line_breaks_becomes_a_single_line_last_error()
    {
        var tenant = await factory.RegisterAsync();
        var url = factory.Slack.NewWebhookUrl();
        await tenant.Owner.ConfigureSlackAsync(url);
        factory.Slack.Script(url, (404, "channel_not_found\r\n[12:00:00 ERR] forged log entry\u2028x"));

        var result = await tenant.Owner.PostJsonAsync("/api/v1/integrations/slack/test");

        var lastError = (await tenant.Owner.IntegrationAsync("slack"))!["lastError"]!.GetValue<string>();
        foreach (var error in new[] { result["error"]!.GetValue<string>(), lastError })
        {
            Assert.Contains("channel_not_found", error, StringComparison.Ordinal);
            Assert.Contains("forged log entry", error, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', error);
            Assert.DoesNotContain('\r', error);
            Assert.DoesNotContain('\u2028', error);
        }
    }
}
