using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Integrations.Common;
using NovaPulse.Application.Integrations.TestSlack;
using NovaPulse.Domain.Integrations;

namespace NovaPulse.Application.UnitTests.Integrations;

public sealed class TestSlackCommandHandlerTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly FakeSlackClient _slack = new();

    public void Dispose() => _database.Dispose();

    private async Task<IntegrationTestResult> TestAsync()
    {
        await using var context = _database.NewContext();
        var messenger = new IntegrationMessenger(TestIntegrations.Protector, new FakeEmailSender(), _slack, _database.Clock);
        return await new TestSlackCommandHandler(context, messenger, _database.Clock).Handle(new TestSlackCommand(), CancellationToken.None);
    }

    [Fact]
    public async Task A_test_message_goes_to_the_decrypted_webhook_url_and_channel_and_the_test_is_recorded()
    {
        var acme = await TestTenant.CreateSignedInAsync(_database, "Acme");
        var slack = await _database.AddSlackAsync(acme);

        var result = await TestAsync();

        var (url, _, channel) = Assert.Single(_slack.Posted);
        Assert.Equal((new Uri("https://hooks.slack.test/services/x"), "#ops"), (url, channel));
        Assert.Equal((true, IntegrationStatus.Connected, (string?)null), (result.Succeeded, result.Status, result.Error));
        var stored = Assert.Single(await _database.IntegrationsAsync());
        Assert.Equal(slack.Id, stored.Id);
        Assert.Equal(_database.Clock.GetUtcNow(), stored.LastTestedAt);
    }

    [Fact]
    public async Task A_webhook_slack_refuses_for_good_marks_the_integration_broken()
    {
        var acme = await TestTenant.CreateSignedInAsync(_database, "Acme");
        await _database.AddSlackAsync(acme);
        _slack.Result = SendResult.Permanent("Slack answered 404 no_service.");

        var result = await TestAsync();

        Assert.False(result.Succeeded);
        Assert.Equal(IntegrationStatus.Broken, result.Status);
        var stored = Assert.Single(await _database.IntegrationsAsync());
        Assert.Equal((IntegrationStatus.Broken, "Slack answered 404 no_service."), (stored.Status, stored.LastError));
    }

    [Fact]
    public async Task Another_companys_slack_integration_is_not_found_and_not_posted_to()
    {
        var globex = await TestTenant.CreateAsync(_database, "Globex");
        await _database.AddSlackAsync(globex);
        await TestTenant.CreateSignedInAsync(_database, "Acme");

        await AppErrorAssert.ThrowsAsync(ErrorKind.NotFound, TestAsync);

        Assert.Empty(_slack.Posted);
        Assert.Null(Assert.Single(await _database.IntegrationsAsync()).LastTestedAt);
    }
}
