using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Webhooks.Common;
using NovaPulse.Application.Webhooks.Get;

namespace NovaPulse.Application.UnitTests.Webhooks;

public sealed class GetWebhookQueryHandlerTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private async Task<WebhookEndpointDto> GetAsync(Guid id)
    {
        await using var db = _database.NewContext();
        return await new GetWebhookQueryHandler(db, TestWebhooks.Protector).Handle(new GetWebhookQuery(id), CancellationToken.None);
    }

    [Fact]
    public async Task An_endpoint_is_shown_with_its_secret_masked()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        var endpoint = await _database.AddEndpointAsync(acme);
        _database.CurrentUser.SignInAs(acme.Owner);

        var dto = await GetAsync(endpoint.Id);

        Assert.Equal("https://hooks.example.com/in", dto.Url);
        Assert.Equal(WebhookSigner.Mask(TestWebhooks.Secret), dto.Secret);
        Assert.DoesNotContain(TestWebhooks.Secret[10..], dto.Secret);
    }

    [Fact]
    public async Task Another_companys_endpoint_is_not_found()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        var endpoint = await _database.AddEndpointAsync(acme);
        var globex = await TestTenant.CreateAsync(_database, "Globex");
        _database.CurrentUser.SignInAs(globex.Owner);

        await AppErrorAssert.ThrowsAsync(ErrorKind.NotFound, () => GetAsync(endpoint.Id));
    }
}
