using Microsoft.Extensions.Options;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Integrations.Common;
using NovaPulse.Application.Integrations.ConfigureSlack;
using NovaPulse.Application.Webhooks.Common;
using NovaPulse.Domain.Integrations;
using NovaPulse.Infrastructure.Webhooks;

namespace NovaPulse.Application.UnitTests.Integrations;

/// <summary>With the real SSRF guard; the URLs name IP literals, so nothing is resolved.</summary>
public sealed class ConfigureSlackCommandHandlerTests : IDisposable
{
    private const string PublicUrl = "https://93.184.216.34/services/T1/B1/secret";

    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private async Task<IntegrationDto> ConfigureAsync(string url, string? channel = null, long? integrationLimit = null)
    {
        await using var db = _database.NewContext();
        var handler = new ConfigureSlackCommandHandler(
            db, _database.CurrentUser, TestIntegrations.Protector, new WebhookTargetGuard(Options.Create(new WebhookOptions())),
            TestIntegrations.PlanLimits(db, _database.Clock, integrationLimit), Options.Create(new IntegrationOptions()), _database.Clock);
        return await handler.Handle(new ConfigureSlackCommand(url, channel), CancellationToken.None);
    }

    [Fact]
    public async Task Connecting_stores_the_url_encrypted_and_shows_only_its_host()
    {
        var acme = await TestTenant.CreateSignedInAsync(_database, "Acme");

        var dto = await ConfigureAsync(PublicUrl, " #alerts ");

        Assert.Equal("Slack #alerts", dto.DisplayName);
        Assert.DoesNotContain("secret", dto.Settings["webhookUrl"]);
        var stored = Assert.Single(await _database.IntegrationsAsync());
        Assert.Equal(acme.Company.Id, stored.CompanyId);
        Assert.Equal(IntegrationType.Slack, stored.Type);
        Assert.DoesNotContain("secret", stored.Secret);
        Assert.Equal(PublicUrl, TestIntegrations.Protector.Open<SlackSecret>(stored).WebhookUrl);
        Assert.Equal("#alerts", IntegrationSecrets.SettingsOf<SlackSettings>(stored).Channel);
    }

    [Fact]
    public async Task Reconfiguring_replaces_the_companys_slack_integration_without_counting_a_new_one()
    {
        await TestTenant.CreateSignedInAsync(_database, "Acme");
        var first = await ConfigureAsync(PublicUrl);

        var second = await ConfigureAsync("https://93.184.216.35/services/T2/B2/other", integrationLimit: 1);

        Assert.Equal(first.Id, second.Id);
        var stored = Assert.Single(await _database.IntegrationsAsync());
        Assert.Equal("https://93.184.216.35/services/T2/B2/other", TestIntegrations.Protector.Open<SlackSecret>(stored).WebhookUrl);
    }

    [Fact]
    public async Task A_plain_http_url_is_unprocessable_and_nothing_is_stored()
    {
        await TestTenant.CreateSignedInAsync(_database, "Acme");

        await AppErrorAssert.ThrowsAsync(ErrorKind.Unprocessable, () => ConfigureAsync("http://93.184.216.34/services/x"));

        Assert.Empty(await _database.IntegrationsAsync());
    }

    [Fact]
    public async Task A_url_on_a_private_address_is_unprocessable_and_nothing_is_stored()
    {
        await TestTenant.CreateSignedInAsync(_database, "Acme");

        var error = await AppErrorAssert.ThrowsAsync(ErrorKind.Unprocessable, () => ConfigureAsync("https://10.0.0.7/services/x"));

        Assert.Contains("'webhookUrl'", error.Message);
        Assert.Empty(await _database.IntegrationsAsync());
    }

    [Fact]
    public async Task Connecting_beyond_the_plans_integrations_is_refused()
    {
        var acme = await TestTenant.CreateSignedInAsync(_database, "Acme");
        await _database.AddGoogleAsync(acme);

        var error = await AppErrorAssert.ThrowsAsync(ErrorKind.LimitReached, () => ConfigureAsync(PublicUrl, integrationLimit: 1));

        Assert.Equal("integration_limit_reached", error.Code);
        Assert.Equal([IntegrationType.Google], (await _database.IntegrationsAsync()).Select(i => i.Type));
    }

    [Fact]
    public async Task Another_companys_integrations_do_not_count_against_the_plan()
    {
        var globex = await TestTenant.CreateAsync(_database, "Globex");
        await _database.AddGoogleAsync(globex);
        await TestTenant.CreateSignedInAsync(_database, "Acme");

        await ConfigureAsync(PublicUrl, integrationLimit: 1);

        Assert.Equal(2, (await _database.IntegrationsAsync()).Count);
    }
}
