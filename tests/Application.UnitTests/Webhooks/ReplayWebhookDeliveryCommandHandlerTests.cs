using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Webhooks.Common;
using NovaPulse.Application.Webhooks.Replay;
using NovaPulse.Domain.Webhooks;

namespace NovaPulse.Application.UnitTests.Webhooks;

public sealed class ReplayWebhookDeliveryCommandHandlerTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private async Task<WebhookDeliveryDto> ReplayAsync(Guid endpointId, Guid deliveryId)
    {
        await using var db = _database.NewContext();
        return await new ReplayWebhookDeliveryCommandHandler(db, _database.Clock).Handle(new ReplayWebhookDeliveryCommand(endpointId, deliveryId), CancellationToken.None);
    }

    [Fact]
    public async Task Replaying_queues_a_new_pending_delivery_of_the_same_message_and_leaves_the_original()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        var endpoint = await _database.AddEndpointAsync(acme);
        var original = await _database.AddDeliveryAsync(endpoint);
        _database.CurrentUser.SignInAs(acme.Owner);
        _database.Clock.Advance(TimeSpan.FromHours(1));

        var replay = await ReplayAsync(endpoint.Id, original.Id);

        var deliveries = await _database.DeliveriesAsync();
        Assert.Equal(2, deliveries.Count);
        var stored = Assert.Single(deliveries, d => d.Id == replay.Id);
        Assert.Equal(WebhookDeliveryStatus.Pending, stored.Status);
        Assert.Equal(original.MessageId, stored.MessageId);
        Assert.Equal(original.Payload, stored.Payload);
        Assert.Equal(original.Id, stored.ReplayOf);
        Assert.Equal(_database.Clock.GetUtcNow(), stored.NextAttemptAt);
        Assert.Equal(WebhookDeliveryStatus.Failed, Assert.Single(deliveries, d => d.Id == original.Id).Status);
    }

    [Fact]
    public async Task A_delivery_named_under_another_endpoint_is_not_found()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        var endpoint = await _database.AddEndpointAsync(acme);
        var other = await _database.AddEndpointAsync(acme);
        var delivery = await _database.AddDeliveryAsync(endpoint);
        _database.CurrentUser.SignInAs(acme.Owner);

        await AppErrorAssert.ThrowsAsync(ErrorKind.NotFound, () => ReplayAsync(other.Id, delivery.Id));

        Assert.Single(await _database.DeliveriesAsync());
    }

    [Fact]
    public async Task Replaying_another_companys_delivery_is_not_found()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        var endpoint = await _database.AddEndpointAsync(acme);
        var delivery = await _database.AddDeliveryAsync(endpoint);
        var globex = await TestTenant.CreateAsync(_database, "Globex");
        _database.CurrentUser.SignInAs(globex.Owner);

        await AppErrorAssert.ThrowsAsync(ErrorKind.NotFound, () => ReplayAsync(endpoint.Id, delivery.Id));

        Assert.Single(await _database.DeliveriesAsync());
    }
}
