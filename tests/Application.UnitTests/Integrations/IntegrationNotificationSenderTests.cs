using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NovaPulse.Application.Integrations.Common;
using NovaPulse.Application.Integrations.Notify;
using NovaPulse.Domain.Integrations;

namespace NovaPulse.Application.UnitTests.Integrations;

/// <summary>One attempt of a notification, while an Admin changes its integration: the outcome follows the configuration it was made with.</summary>
public sealed class IntegrationNotificationSenderTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly FakeEmailSender _email = new();

    public void Dispose() => _database.Dispose();

    private async Task<(Guid NotificationId, NotificationOutcome Outcome)> SendOneAsync()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        var integration = await _database.AddEmailAsync(acme);
        var notification = IntegrationNotification.Create(
            acme.Company.Id, integration.Id, Guid.NewGuid(), "task.created", "ops@acme.test", "Task created", "Task created: launch", _database.Clock.GetUtcNow());
        await using (var seed = _database.NewContext(actingAs: new TestCurrentUser()))
        {
            seed.IntegrationNotifications.Add(notification);
            await seed.SaveChangesAsync();
        }

        await using var context = _database.NewContext(actingAs: new TestCurrentUser());
        var messenger = new IntegrationMessenger(TestIntegrations.Protector, _email, new FakeSlackClient(), _database.Clock);
        var sender = new IntegrationNotificationSender(
            context, messenger, Options.Create(new NotificationOptions()), Options.Create(new IntegrationOptions()), _database.Clock,
            NullLogger<IntegrationNotificationSender>.Instance);
        return (notification.Id, await sender.SendAsync(notification.Id, _ => TimeSpan.FromMinutes(1), CancellationToken.None));
    }

    private async Task<IntegrationNotification> NotificationAsync(Guid id)
    {
        await using var db = _database.NewContext(actingAs: new TestCurrentUser());
        return await db.IntegrationNotifications.IgnoreQueryFilters().AsNoTracking().SingleAsync(n => n.Id == id);
    }

    [Fact]
    public async Task A_refused_login_marks_the_integration_broken_and_fails_the_notification()
    {
        _email.Result = SendResult.Permanent("535 authentication failed");

        var (id, outcome) = await SendOneAsync();

        Assert.Equal(NotificationOutcome.Failed, outcome);
        Assert.Equal(IntegrationNotificationStatus.Failed, (await NotificationAsync(id)).Status);
        var stored = Assert.Single(await _database.IntegrationsAsync());
        Assert.Equal((IntegrationStatus.Broken, "535 authentication failed"), (stored.Status, stored.LastError));
    }

    [Fact]
    public async Task A_refusal_of_the_old_password_does_not_break_the_integration_an_admin_reconfigured_meanwhile()
    {
        _email.Result = SendResult.Permanent("535 authentication failed");
        _email.WhileSending = () => _database.ReconfigureAsync(IntegrationType.Email, "Email (new password)");

        var (id, _) = await SendOneAsync();

        var stored = Assert.Single(await _database.IntegrationsAsync());
        Assert.Equal(("Email (new password)", IntegrationStatus.Connected, null), (stored.DisplayName, stored.Status, stored.LastError));
        var notification = await NotificationAsync(id);
        Assert.Equal((1, "535 authentication failed"), (notification.Attempts, notification.LastError));
    }

    [Fact]
    public async Task A_send_whose_integration_was_deleted_meanwhile_ends_without_an_error()
    {
        _email.Result = SendResult.Transient("421 try again later");
        _email.WhileSending = () => _database.ChangeIntegrationAsync(IntegrationType.Email, (db, integration) => db.Integrations.Remove(integration));

        var (_, outcome) = await SendOneAsync();

        // The notification went with its integration (cascade): nothing is left to retry or record.
        Assert.Equal(NotificationOutcome.Retrying, outcome);
        Assert.Empty(await _database.IntegrationsAsync());
        await using var db = _database.NewContext(actingAs: new TestCurrentUser());
        Assert.False(await db.IntegrationNotifications.IgnoreQueryFilters().AnyAsync());
    }
}
