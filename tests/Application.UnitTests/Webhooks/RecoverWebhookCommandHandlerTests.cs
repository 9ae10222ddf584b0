using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Webhooks.Recover;
using NovaPulse.Domain.Webhooks;

namespace NovaPulse.Application.UnitTests.Webhooks;

public sealed class RecoverWebhookCommandHandlerTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private async Task<RecoverWebhookResult> RecoverAsync(Guid id, DateTimeOffset since)
    {
        await using var db = _database.NewContext();
        return await new RecoverWebhookCommandHandler(db, _database.Clock).Handle(new RecoverWebhookCommand(id, since), CancellationToken.None);
    }

    [Fact]
    public async Task Recovering_requeues_only_the_endpoints_deliveries_that_failed_since_the_given_time()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        var endpoint = await _database.AddEndpointAsync(acme);
        var other = await _database.AddEndpointAsync(acme);
        await _database.AddDeliveryAsync(endpoint); // failed before the outage
        _database.Clock.Advance(TimeSpan.FromHours(2));
        var since = _database.Clock.GetUtcNow();
        var failed = await _database.AddDeliveryAsync(endpoint);
        await _database.AddDeliveryAsync(endpoint, WebhookDeliveryStatus.Succeeded);
        await _database.AddDeliveryAsync(endpoint, WebhookDeliveryStatus.Pending);
        await _database.AddDeliveryAsync(other);
        _database.CurrentUser.SignInAs(acme.Owner);

        var result = await RecoverAsync(endpoint.Id, since);

        Assert.Equal(1, result.Queued);
        var replay = Assert.Single(await _database.DeliveriesAsync(), d => d.ReplayOf is not null);
        Assert.Equal(failed.Id, replay.ReplayOf);
        Assert.Equal(failed.MessageId, replay.MessageId);
        Assert.Equal(WebhookDeliveryStatus.Pending, replay.Status);
    }

    [Fact]
    public async Task Recovering_another_companys_endpoint_is_not_found_and_queues_nothing()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        var endpoint = await _database.AddEndpointAsync(acme);
        await _database.AddDeliveryAsync(endpoint);
        var globex = await TestTenant.CreateAsync(_database, "Globex");
        _database.CurrentUser.SignInAs(globex.Owner);

        await AppErrorAssert.ThrowsAsync(ErrorKind.NotFound, () => RecoverAsync(endpoint.Id, DateTimeOffset.MinValue));

        Assert.Single(await _database.DeliveriesAsync());
    }
}
