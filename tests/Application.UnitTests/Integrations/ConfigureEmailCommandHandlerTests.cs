using FluentValidation;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Integrations.Common;
using NovaPulse.Application.Integrations.ConfigureEmail;

namespace NovaPulse.Application.UnitTests.Integrations;

public sealed class ConfigureEmailCommandHandlerTests : IDisposable
{
    private static readonly ConfigureEmailCommand Server = new("smtp.acme.test", 587, "mailer", "s3cret", "noreply@acme.test", "Acme", EmailSecurity.Starttls);

    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private async Task<IntegrationDto> ConfigureAsync(ConfigureEmailCommand command, long? integrationLimit = null)
    {
        await using var db = _database.NewContext();
        var handler = new ConfigureEmailCommandHandler(
            db, _database.CurrentUser, TestIntegrations.Protector, TestIntegrations.PlanLimits(db, _database.Clock, integrationLimit), _database.Clock);
        return await handler.Handle(command, CancellationToken.None);
    }

    private async Task<string?> StoredPasswordAsync() =>
        TestIntegrations.Protector.Open<EmailSecret>(Assert.Single(await _database.IntegrationsAsync())).Password;

    [Fact]
    public async Task Connecting_stores_the_password_encrypted_and_shows_it_masked()
    {
        await TestTenant.CreateSignedInAsync(_database, "Acme");

        var dto = await ConfigureAsync(Server);

        Assert.Equal(IntegrationDto.Masked, dto.Settings["password"]);
        Assert.Equal("SMTP smtp.acme.test:587", dto.DisplayName);
        Assert.DoesNotContain("s3cret", Assert.Single(await _database.IntegrationsAsync()).Secret);
        Assert.Equal("s3cret", await StoredPasswordAsync());
    }

    [Fact]
    public async Task Saving_without_a_password_for_the_same_server_keeps_the_stored_one()
    {
        await TestTenant.CreateSignedInAsync(_database, "Acme");
        await ConfigureAsync(Server);

        var dto = await ConfigureAsync(Server with { Password = null, FromName = "Acme Mail" });

        Assert.Equal(IntegrationDto.Masked, dto.Settings["password"]);
        Assert.Equal("s3cret", await StoredPasswordAsync());
        Assert.Equal("Acme Mail", IntegrationSecrets.SettingsOf<EmailSettings>(Assert.Single(await _database.IntegrationsAsync())).FromName);
    }

    [Fact]
    public async Task Changing_the_server_without_the_password_is_a_validation_error_and_keeps_the_old_settings()
    {
        await TestTenant.CreateSignedInAsync(_database, "Acme");
        await ConfigureAsync(Server);

        await Assert.ThrowsAsync<ValidationException>(() => ConfigureAsync(Server with { Host = "smtp.evil.test", Password = null }));

        var stored = Assert.Single(await _database.IntegrationsAsync());
        Assert.Equal("smtp.acme.test", IntegrationSecrets.SettingsOf<EmailSettings>(stored).Host);
        Assert.Equal("s3cret", await StoredPasswordAsync());
    }

    [Fact]
    public async Task Connecting_beyond_the_plans_integrations_is_refused_and_nothing_is_stored()
    {
        var acme = await TestTenant.CreateSignedInAsync(_database, "Acme");
        await _database.AddSlackAsync(acme);

        var error = await AppErrorAssert.ThrowsAsync(ErrorKind.LimitReached, () => ConfigureAsync(Server, integrationLimit: 1));

        Assert.Equal("integration_limit_reached", error.Code);
        Assert.Single(await _database.IntegrationsAsync());
    }
}
