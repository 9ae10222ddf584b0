using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Common.Paging;
using NovaPulse.Application.Webhooks.Common;
using NovaPulse.Application.Webhooks.Logs;
using NovaPulse.Domain.Webhooks;

namespace NovaPulse.Application.UnitTests.Webhooks;

public sealed class ListWebhookDeliveriesQueryHandlerTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private async Task<Page<WebhookDeliveryDto>> ListAsync(ListWebhookDeliveriesQuery query)
    {
        await using var db = _database.NewContext();
        return await new ListWebhookDeliveriesQueryHandler(db).Handle(query, CancellationToken.None);
    }

    [Fact]
    public async Task The_endpoints_deliveries_come_newest_first_with_their_attempts_filtered_and_paged()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        var endpoint = await _database.AddEndpointAsync(acme);
        var other = await _database.AddEndpointAsync(acme);
        var oldest = await _database.AddDeliveryAsync(endpoint);
        _database.Clock.Advance(TimeSpan.FromMinutes(1));
        await _database.AddDeliveryAsync(endpoint, WebhookDeliveryStatus.Succeeded);
        _database.Clock.Advance(TimeSpan.FromMinutes(1));
        var newest = await _database.AddDeliveryAsync(endpoint, eventType: "task.deleted");
        await _database.AddDeliveryAsync(other);
        _database.CurrentUser.SignInAs(acme.Owner);

        var failed = await ListAsync(new ListWebhookDeliveriesQuery(endpoint.Id, Status: WebhookDeliveryStatus.Failed, Limit: 1));
        Assert.Equal([newest.Id], failed.Items.Select(d => d.Id));
        Assert.Equal(500, Assert.Single(failed.Items[0].Attempts).ResponseStatus);
        var next = await ListAsync(new ListWebhookDeliveriesQuery(endpoint.Id, Status: WebhookDeliveryStatus.Failed, Limit: 1, Cursor: failed.NextCursor));
        Assert.Equal([oldest.Id], next.Items.Select(d => d.Id));
        Assert.Null(next.NextCursor);

        var deleted = await ListAsync(new ListWebhookDeliveriesQuery(endpoint.Id, EventType: "task.deleted"));
        Assert.Equal([newest.Id], deleted.Items.Select(d => d.Id));
        Assert.Equal(3, (await ListAsync(new ListWebhookDeliveriesQuery(endpoint.Id))).Items.Count);
    }

    [Fact]
    public async Task Another_companys_endpoint_is_not_found()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        var endpoint = await _database.AddEndpointAsync(acme);
        await _database.AddDeliveryAsync(endpoint);
        var globex = await TestTenant.CreateAsync(_database, "Globex");
        _database.CurrentUser.SignInAs(globex.Owner);

        await AppErrorAssert.ThrowsAsync(ErrorKind.NotFound, () => ListAsync(new ListWebhookDeliveriesQuery(endpoint.Id)));
    }
}
