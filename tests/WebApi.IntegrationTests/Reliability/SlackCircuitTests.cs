using NovaPulse.WebApi.IntegrationTests.Infrastructure;
using NovaPulse.WebApi.IntegrationTests.Integrations;
using Xunit.Abstractions;

namespace NovaPulse.WebApi.IntegrationTests.Reliability;

/// <summary>
/// Slack keeps answering 500: after enough failed posts the circuit for its host opens and test sends report it without
/// calling Slack; once Slack recovers and the break passes, the circuit closes and the message is posted once.
/// Real time: the circuit's timers are what is under test.
/// </summary>
public sealed class SlackCircuitTests(ITestOutputHelper output)
{
    private static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task The_circuit_opens_on_repeated_5xx_and_closes_once_slack_recovers()
    {
        var host = new FailingSlackHost();
        await host.InitializeAsync();
        try
        {
            var tenant = await host.RegisterAsync();
            var url = host.Slack.NewWebhookUrl();
            await tenant.Owner.ConfigureSlackAsync(url);
            host.Slack.Script(url, (500, "internal_error"), (500, "internal_error"), (500, "internal_error"), (500, "internal_error"));

            for (var i = 0; i < 2; i++)
            {
                var failed = await tenant.Owner.PostJsonAsync("/api/v1/integrations/slack/test");
                Assert.False(failed["succeeded"]!.GetValue<bool>());
                Assert.Contains("500", failed["error"]!.GetValue<string>(), StringComparison.Ordinal);
            }

            var reached = host.Slack.Calls(url);
            var shortCircuited = await tenant.Owner.PostJsonAsync("/api/v1/integrations/slack/test");
            Assert.False(shortCircuited["succeeded"]!.GetValue<bool>());
            Assert.Contains("Circuit open", shortCircuited["error"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Equal("connected", shortCircuited["status"]!.GetValue<string>()); // an outage does not break the integration
            Assert.Equal(reached, host.Slack.Calls(url));

            await Task.Delay(BreakDuration + TimeSpan.FromMilliseconds(500));
            var recovered = await tenant.Owner.PostJsonAsync("/api/v1/integrations/slack/test");

            Assert.True(recovered["succeeded"]!.GetValue<bool>(), recovered.ToJsonString());
            Assert.Single(host.Slack.MessagesTo(url));
            output.WriteLine($"slack circuit: opened after {reached} calls, 1 short-circuited, closed after {BreakDuration.TotalSeconds} s, 1 message posted");
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    private sealed class FailingSlackHost : IntegrationsFactory
    {
        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            // Each send is 2 attempts (1 retry on 5xx): two failing sends give the 4 failures the circuit samples.
            ["Integrations:SlackRetries"] = "1",
            ["Integrations:CircuitBreakerMinimumThroughput"] = "4",
            ["Integrations:CircuitBreakDuration"] = BreakDuration.ToString(),
        };

        protected override bool UsesSystemClock => true;
    }
}
