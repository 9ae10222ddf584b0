using NovaPulse.Domain.Common;
using NovaPulse.Domain.Integrations;

namespace NovaPulse.Domain.UnitTests.Integrations;

public sealed class IntegrationTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Only_a_connected_integration_notifies_and_only_for_subscribed_events()
    {
        var integration = Integration.Connect(Guid.NewGuid(), IntegrationType.Slack, "Slack", "{}", "k:secret", Now);
        integration.SubscribeTo(["task.assigned", " task.assigned ", ""], Now);

        Assert.Equal(["task.assigned"], integration.NotificationEvents);
        Assert.True(integration.Notifies("task.assigned"));
        Assert.False(integration.Notifies("task.created"));

        integration.RecordFailure("Slack refused the webhook (404 channel_not_found).", IntegrationStatus.Broken, Now, tested: false);
        Assert.False(integration.Notifies("task.assigned"));
        Assert.Null(integration.LastTestedAt);
    }

    [Fact]
    public void Reconfiguring_repairs_a_broken_integration()
    {
        var integration = Integration.Connect(Guid.NewGuid(), IntegrationType.Email, "SMTP", "{}", "k:secret", Now);
        integration.RecordFailure("rejected", IntegrationStatus.Broken, Now, tested: true);

        integration.Reconfigure("SMTP", "{}", "k:other", Now.AddMinutes(1));

        Assert.Equal(IntegrationStatus.Connected, integration.Status);
        Assert.Null(integration.LastError);
        Assert.Equal(Now, integration.LastTestedAt);
    }

    [Fact]
    public void Errors_are_truncated_and_subscriptions_are_bounded()
    {
        var integration = Integration.Connect(Guid.NewGuid(), IntegrationType.Slack, "Slack", "{}", "k:secret", Now);

        integration.RecordFailure(new string('x', 2000), IntegrationStatus.Connected, Now, tested: true);

        Assert.Equal(Integration.ErrorMaxLength, integration.LastError!.Length);
        Assert.Throws<DomainRuleException>(() => integration.SubscribeTo(Enumerable.Range(0, 51).Select(i => $"e{i}"), Now));
    }

    [Fact]
    public void An_oauth_state_expires_after_ten_minutes()
    {
        var state = OAuthState.Start(Guid.NewGuid(), Guid.NewGuid(), IntegrationType.Google, "hash", "k:verifier", Now);

        Assert.False(state.IsExpired(Now.AddMinutes(10).AddTicks(-1)));
        Assert.True(state.IsExpired(Now.AddMinutes(10)));
    }
}
