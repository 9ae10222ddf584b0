using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Integrations.Common;
using NovaPulse.Application.Integrations.Notifications;
using NovaPulse.Domain.Common;

namespace NovaPulse.Application.UnitTests.Integrations;

public sealed class UpdateIntegrationNotificationsCommandHandlerTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private async Task<IntegrationDto> UpdateAsync(Guid id, IReadOnlyList<string> events)
    {
        await using var db = _database.NewContext();
        return await new UpdateIntegrationNotificationsCommandHandler(db, _database.Clock)
            .Handle(new UpdateIntegrationNotificationsCommand(id, events), CancellationToken.None);
    }

    [Fact]
    public async Task The_integration_is_subscribed_to_the_given_events_trimmed_and_once_each()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        var slack = await _database.AddSlackAsync(acme);
        _database.CurrentUser.SignInAs(acme.Owner);

        var dto = await UpdateAsync(slack.Id, ["task.created", " task.created ", "task.deleted"]);

        Assert.Equal(["task.created", "task.deleted"], dto.NotificationEvents);
        Assert.Equal(["task.created", "task.deleted"], Assert.Single(await _database.IntegrationsAsync()).NotificationEvents);
    }

    [Fact]
    public async Task A_google_integration_refuses_notifications_and_keeps_none()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        var google = await _database.AddGoogleAsync(acme);
        _database.CurrentUser.SignInAs(acme.Owner);

        var error = await Assert.ThrowsAsync<DomainRuleException>(() => UpdateAsync(google.Id, ["task.created"]));

        Assert.Equal("notifications_unsupported", error.Code);
        Assert.Empty(Assert.Single(await _database.IntegrationsAsync()).NotificationEvents);
        Assert.Empty((await UpdateAsync(google.Id, [])).NotificationEvents);
    }

    [Fact]
    public async Task Another_companys_integration_is_not_found_and_keeps_its_subscriptions()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        var slack = await _database.AddSlackAsync(acme);
        var globex = await TestTenant.CreateAsync(_database, "Globex");
        _database.CurrentUser.SignInAs(globex.Owner);

        await AppErrorAssert.ThrowsAsync(ErrorKind.NotFound, () => UpdateAsync(slack.Id, ["task.created"]));

        Assert.Empty(Assert.Single(await _database.IntegrationsAsync()).NotificationEvents);
    }
}
