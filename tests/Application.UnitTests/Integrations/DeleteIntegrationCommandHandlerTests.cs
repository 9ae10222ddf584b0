using Microsoft.Extensions.Logging.Abstractions;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Integrations.Delete;

namespace NovaPulse.Application.UnitTests.Integrations;

public sealed class DeleteIntegrationCommandHandlerTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly FakeGoogleOAuthClient _google = new();

    public void Dispose() => _database.Dispose();

    private async Task DeleteAsync(Guid id)
    {
        await using var context = _database.NewContext();
        await new DeleteIntegrationCommandHandler(context, TestIntegrations.Protector, _google, NullLogger<DeleteIntegrationCommandHandler>.Instance)
            .Handle(new DeleteIntegrationCommand(id), CancellationToken.None);
    }

    [Fact]
    public async Task Deleting_a_google_integration_revokes_its_refresh_token_and_removes_it()
    {
        var acme = await TestTenant.CreateSignedInAsync(_database, "Acme");
        var google = await _database.AddGoogleAsync(acme);

        await DeleteAsync(google.Id);

        Assert.Equal(["refresh"], _google.Revoked);
        Assert.Empty(await _database.IntegrationsAsync());
    }

    [Fact]
    public async Task An_unreachable_google_does_not_keep_the_integration()
    {
        var acme = await TestTenant.CreateSignedInAsync(_database, "Acme");
        var google = await _database.AddGoogleAsync(acme);
        _google.RevokeFailure = new HttpRequestException("connection refused");

        await DeleteAsync(google.Id);

        Assert.Empty(await _database.IntegrationsAsync());
    }

    [Fact]
    public async Task Deleting_slack_asks_google_nothing()
    {
        var acme = await TestTenant.CreateSignedInAsync(_database, "Acme");
        var slack = await _database.AddSlackAsync(acme);

        await DeleteAsync(slack.Id);

        Assert.Empty(_google.Revoked);
        Assert.Empty(await _database.IntegrationsAsync());
    }

    [Fact]
    public async Task Another_companys_integration_is_not_found_and_stays()
    {
        var globex = await TestTenant.CreateAsync(_database, "Globex");
        var theirs = await _database.AddGoogleAsync(globex);
        await TestTenant.CreateSignedInAsync(_database, "Acme");

        await AppErrorAssert.ThrowsAsync(ErrorKind.NotFound, () => DeleteAsync(theirs.Id));

        Assert.Empty(_google.Revoked);
        Assert.Equal(theirs.Id, Assert.Single(await _database.IntegrationsAsync()).Id);
    }
}
