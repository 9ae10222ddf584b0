using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Integrations.Common;
using NovaPulse.Application.Integrations.TestEmail;
using NovaPulse.Domain.Integrations;

namespace NovaPulse.Application.UnitTests.Integrations;

public sealed class TestEmailCommandHandlerTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly FakeEmailSender _email = new();

    public void Dispose() => _database.Dispose();

    private async Task<IntegrationTestResult> TestAsync(string to)
    {
        await using var context = _database.NewContext();
        var messenger = new IntegrationMessenger(TestIntegrations.Protector, _email, new FakeSlackClient(), _database.Clock);
        return await new TestEmailCommandHandler(context, messenger, _database.Clock).Handle(new TestEmailCommand(to), CancellationToken.None);
    }

    [Fact]
    public async Task A_test_email_goes_through_the_stored_server_with_the_decrypted_password_to_the_trimmed_address()
    {
        var acme = await TestTenant.CreateSignedInAsync(_database, "Acme");
        await _database.AddEmailAsync(acme);

        var result = await TestAsync("  ops@acme.test ");

        var (server, message) = Assert.Single(_email.Sent);
        Assert.Equal(new SmtpServer("smtp.acme.test", 587, EmailSecurity.Starttls, "mailer", "smtp-password"), server);
        Assert.Equal(("noreply@acme.test", "ops@acme.test", TestEmailCommandHandler.Subject), (message.FromAddress, message.To, message.Subject));
        Assert.True(result.Succeeded);
        Assert.Equal(_database.Clock.GetUtcNow(), Assert.Single(await _database.IntegrationsAsync()).LastTestedAt);
    }

    [Fact]
    public async Task A_passing_smtp_failure_is_reported_and_recorded_but_keeps_the_integration_connected()
    {
        var acme = await TestTenant.CreateSignedInAsync(_database, "Acme");
        await _database.AddEmailAsync(acme);
        _email.Result = SendResult.Transient("421 try again later");

        var result = await TestAsync("ops@acme.test");

        Assert.Equal((false, IntegrationStatus.Connected, "421 try again later"), (result.Succeeded, result.Status, result.Error));
        var stored = Assert.Single(await _database.IntegrationsAsync());
        Assert.Equal((IntegrationStatus.Connected, "421 try again later"), (stored.Status, stored.LastError));
    }

    [Fact]
    public async Task A_refusal_of_the_old_settings_is_not_recorded_on_settings_an_admin_saved_during_the_send()
    {
        var acme = await TestTenant.CreateSignedInAsync(_database, "Acme");
        await _database.AddEmailAsync(acme);
        _email.Result = SendResult.Permanent("535 authentication failed");
        _email.WhileSending = () => _database.ReconfigureAsync(IntegrationType.Email, "Email (new password)");

        var result = await TestAsync("ops@acme.test");

        Assert.Equal((false, "535 authentication failed"), (result.Succeeded, result.Error));
        Assert.Equal(IntegrationStatus.Connected, result.Status);
        var stored = Assert.Single(await _database.IntegrationsAsync());
        Assert.Equal(("Email (new password)", IntegrationStatus.Connected, null), (stored.DisplayName, stored.Status, stored.LastError));
    }

    [Fact]
    public async Task Another_companys_email_integration_is_not_found_and_sends_nothing()
    {
        var globex = await TestTenant.CreateAsync(_database, "Globex");
        await _database.AddEmailAsync(globex);
        await TestTenant.CreateSignedInAsync(_database, "Acme");

        await AppErrorAssert.ThrowsAsync(ErrorKind.NotFound, () => TestAsync("ops@acme.test"));

        Assert.Empty(_email.Sent);
    }
}
