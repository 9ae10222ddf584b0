using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Webhooks.Common;
using NovaPulse.Application.Webhooks.Update;
using NovaPulse.Domain.Common;
using NovaPulse.Domain.Webhooks;

namespace NovaPulse.Application.UnitTests.Webhooks;

public sealed class UpdateWebhookCommandHandlerTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private async Task<WebhookEndpointDto> UpdateAsync(UpdateWebhookCommand command)
    {
        await using var db = _database.NewContext();
        return await new UpdateWebhookCommandHandler(db, TestWebhooks.Protector, _database.Clock).Handle(command, CancellationToken.None);
    }

    [Fact]
    public async Task Only_the_given_fields_change_and_an_empty_description_clears_it()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        var endpoint = await _database.AddEndpointAsync(acme);
        _database.CurrentUser.SignInAs(acme.Owner);

        var dto = await UpdateAsync(new UpdateWebhookCommand(endpoint.Id, Events: Optional<IReadOnlyList<string>?>.Of(["task.updated", "*"]), Description: Optional<string?>.Of("")));

        Assert.Equal(WebhookSigner.Mask(TestWebhooks.Secret), dto.Secret);
        var stored = await _database.FindEndpointAsync(endpoint.Id);
        Assert.Equal("https://hooks.example.com/in", stored!.Url);
        Assert.Equal([WebhookEndpoint.AllEvents], stored.EventTypes);
        Assert.Null(stored.Description);
        Assert.True(stored.Enabled);
    }

    [Fact]
    public async Task Enabling_an_endpoint_the_platform_disabled_clears_the_reason_and_the_failure_streak()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        var endpoint = await _database.AddEndpointAsync(acme);
        await using (var db = _database.NewContext(actingAs: new TestCurrentUser()))
        {
            var tracked = await db.WebhookEndpoints.IgnoreQueryFilters().SingleAsync(e => e.Id == endpoint.Id);
            tracked.DisableAutomatically(WebhookEndpoint.DisabledFailing, _database.Clock.GetUtcNow());
            await db.SaveChangesAsync();
            await db.WebhookEndpoints.IgnoreQueryFilters().Where(e => e.Id == endpoint.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.FailingSince, _database.Clock.GetUtcNow().AddDays(-5)));
        }

        _database.CurrentUser.SignInAs(acme.Owner);

        var dto = await UpdateAsync(new UpdateWebhookCommand(endpoint.Id, Enabled: Optional<bool?>.Of(true)));

        Assert.True(dto.Enabled);
        var stored = await _database.FindEndpointAsync(endpoint.Id);
        Assert.True(stored!.Enabled);
        Assert.Null(stored.DisabledReason);
        Assert.Null(stored.FailingSince);
    }

    [Fact]
    public async Task Updating_another_companys_endpoint_is_not_found_and_changes_nothing()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        var endpoint = await _database.AddEndpointAsync(acme);
        var globex = await TestTenant.CreateAsync(_database, "Globex");
        _database.CurrentUser.SignInAs(globex.Owner);

        await AppErrorAssert.ThrowsAsync(ErrorKind.NotFound,
            () => UpdateAsync(new UpdateWebhookCommand(endpoint.Id, Url: Optional<string?>.Of("https://evil.example.com/"))));

        Assert.Equal("https://hooks.example.com/in", (await _database.FindEndpointAsync(endpoint.Id))!.Url);
    }
}
