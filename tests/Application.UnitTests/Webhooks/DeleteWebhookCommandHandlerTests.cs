using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Webhooks.Delete;

namespace NovaPulse.Application.UnitTests.Webhooks;

public sealed class DeleteWebhookCommandHandlerTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private async Task DeleteAsync(Guid id)
    {
        await using var db = _database.NewContext();
        await new DeleteWebhookCommandHandler(db).Handle(new DeleteWebhookCommand(id), CancellationToken.None);
    }

    [Fact]
    public async Task Deleting_an_endpoint_removes_it_with_its_deliveries_and_attempts()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        var endpoint = await _database.AddEndpointAsync(acme);
        await _database.AddDeliveryAsync(endpoint);
        _database.CurrentUser.SignInAs(acme.Owner);

        await DeleteAsync(endpoint.Id);

        Assert.Null(await _database.FindEndpointAsync(endpoint.Id));
        Assert.Empty(await _database.DeliveriesAsync());
        await using var db = _database.NewContext(actingAs: new TestCurrentUser());
        Assert.False(await db.WebhookAttempts.IgnoreQueryFilters().AnyAsync());
    }

    [Fact]
    public async Task Deleting_another_companys_endpoint_is_not_found_and_keeps_it_and_its_logs()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        var endpoint = await _database.AddEndpointAsync(acme);
        await _database.AddDeliveryAsync(endpoint);
        var globex = await TestTenant.CreateAsync(_database, "Globex");
        _database.CurrentUser.SignInAs(globex.Owner);

        await AppErrorAssert.ThrowsAsync(ErrorKind.NotFound, () => DeleteAsync(endpoint.Id));

        Assert.NotNull(await _database.FindEndpointAsync(endpoint.Id));
        Assert.Single(await _database.DeliveriesAsync());
    }
}
