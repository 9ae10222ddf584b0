using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using NovaPulse.WebApi.IntegrationTests.Infrastructure;

namespace NovaPulse.WebApi.IntegrationTests.Integrations;

/// <summary>Slack incoming webhooks against a WireMock.Net fake answering like Slack (plain-text error codes).</summary>
[Collection(IntegrationsCollection.Name)]
public sealed class SlackIntegrationTests(IntegrationsFactory factory)
{
    [Fact]
    public async Task The_test_message_is_posted_to_the_webhook_and_the_url_is_never_shown()
    {
        var tenant = await factory.RegisterAsync();
        var url = factory.Slack.NewWebhookUrl();

        var integration = await tenant.Owner.ConfigureSlackAsync(url);
        var result = await tenant.Owner.PostJsonAsync("/api/v1/integrations/slack/test");

        Assert.True(result["succeeded"]!.GetValue<bool>(), result.ToJsonString());
        var message = Assert.Single(factory.Slack.MessagesTo(url));
        Assert.Contains("your Slack integration works", message["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("#alerts", message["channel"]!.GetValue<string>());
        Assert.DoesNotContain(new Uri(url).AbsolutePath, integration.ToJsonString(), StringComparison.Ordinal);
        Assert.EndsWith("/********", integration["settings"]!["webhookUrl"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(404, "channel_not_found")]
    [InlineData(410, "channel_is_archived")]
    [InlineData(403, "action_prohibited")]
    public async Task A_final_slack_refusal_marks_the_integration_broken_with_the_reason(int status, string code)
    {
        var tenant = await factory.RegisterAsync();
        var url = factory.Slack.NewWebhookUrl();
        await tenant.Owner.ConfigureSlackAsync(url);
        factory.Slack.Script(url, (status, code));

        var result = await tenant.Owner.PostJsonAsync("/api/v1/integrations/slack/test");

        Assert.False(result["succeeded"]!.GetValue<bool>());
        Assert.Equal("broken", result["status"]!.GetValue<string>());
        var listed = await tenant.Owner.IntegrationAsync("slack");
        Assert.Equal("broken", listed!["status"]!.GetValue<string>());
        Assert.Contains(code, listed["lastError"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(1, factory.Slack.Calls(url)); // not retried

        // Reconfiguring is how a person repairs it.
        await tenant.Owner.ConfigureSlackAsync(url);
        Assert.Equal("connected", (await tenant.Owner.IntegrationAsync("slack"))!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Slack_5xx_answers_are_retried_and_the_message_is_posted_once()
    {
        var tenant = await factory.RegisterAsync();
        var url = factory.Slack.NewWebhookUrl();
        await tenant.Owner.ConfigureSlackAsync(url);
        factory.Slack.Script(url, (500, "internal_error"), (503, "service_unavailable"));

        var result = await tenant.Owner.PostJsonAsync("/api/v1/integrations/slack/test");

        Assert.True(result["succeeded"]!.GetValue<bool>(), result.ToJsonString());
        Assert.Equal(3, factory.Slack.Calls(url));
        Assert.Single(factory.Slack.MessagesTo(url));
    }

    [Fact]
    public async Task Slack_failing_with_5xx_beyond_the_retries_is_a_clean_transient_error()
    {
        var tenant = await factory.RegisterAsync();
        var url = factory.Slack.NewWebhookUrl();
        await tenant.Owner.ConfigureSlackAsync(url);
        factory.Slack.Script(url, (500, "internal_error"), (500, "internal_error"), (500, "internal_error"));

        var result = await tenant.Owner.PostJsonAsync("/api/v1/integrations/slack/test");

        Assert.False(result["succeeded"]!.GetValue<bool>());
        Assert.Equal("connected", result["status"]!.GetValue<string>()); // a passing outage does not break it
        Assert.Contains("500", result["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(3, factory.Slack.Calls(url)); // 1 + Integrations:SlackRetries (2)
        Assert.Empty(factory.Slack.MessagesTo(url));
    }

    [Fact]
    public async Task A_slack_timeout_is_a_clean_error_and_is_not_retried()
    {
        var tenant = await factory.RegisterAsync();
        var url = factory.Slack.Server.Url + "/services/slow/slow/slow";
        await tenant.Owner.ConfigureSlackAsync(url);
        var before = factory.Slack.SlowCalls;
        var stopwatch = Stopwatch.StartNew();

        var result = await tenant.Owner.PostJsonAsync("/api/v1/integrations/slack/test");

        Assert.False(result["succeeded"]!.GetValue<bool>());
        Assert.Contains("timeout", result["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(7), $"took {stopwatch.Elapsed}"); // the fake answers after 8 s
        // The message may have reached the channel: sending it again could duplicate it.
        await IntegrationTestExtensions.EventuallyAsync(() => Task.FromResult(factory.Slack.SlowCalls > before), "the slow webhook to be called");
        await Task.Delay(500);
        Assert.Equal(before + 1, factory.Slack.SlowCalls);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://hooks.slack.com/services/T/B/X")]
    [InlineData("https://user:pass@hooks.slack.com/services/T/B/X")]
    public async Task A_malformed_webhook_url_is_400(string webhookUrl)
    {
        var tenant = await factory.RegisterAsync();

        var response = await tenant.Owner.PutAsJsonAsync("/api/v1/integrations/slack", new { webhookUrl });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["webhookUrl"]);
    }

    [Fact]
    public async Task A_bad_channel_name_is_400()
    {
        var tenant = await factory.RegisterAsync();

        var response = await tenant.Owner.PutAsJsonAsync("/api/v1/integrations/slack", new { webhookUrl = factory.Slack.NewWebhookUrl(), channel = "#Bad Channel" });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }
}
