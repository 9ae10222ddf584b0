using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using NovaPulse.Application.ApiKeys.Authenticate;
using NovaPulse.Application.ApiKeys.Create;
using NovaPulse.Application.ApiKeys.Revoke;
using NovaPulse.Application.Auth.Common;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Domain.Common;
using NovaPulse.Infrastructure.Cluster;

namespace NovaPulse.Application.UnitTests.ApiKeys;

public sealed class RevokeApiKeyCommandHandlerTests : IDisposable
{
    private readonly TestDatabase _database = new();

    // One host's cache, shared by its requests: a revocation must evict what an earlier request cached.
    private readonly MemoryCache _cache = new(new MemoryCacheOptions());

    public void Dispose()
    {
        _cache.Dispose();
        _database.Dispose();
    }

    private ApiKeyAuthenticator Authenticator(IAppDbContext context) =>
        new(context, new CurrentRoles(context, _cache, SingleHostNotifier.Instance), _cache, SingleHostNotifier.Instance, _database.Clock);

    private async Task<CreatedApiKeyResponse> CreateKeyAsync(TestTenant tenant)
    {
        _database.CurrentUser.SignInAs(tenant.Owner);
        await using var context = _database.NewContext();
        return await new CreateApiKeyCommandHandler(context, _database.CurrentUser, _database.Clock)
            .Handle(new CreateApiKeyCommand("CI", Role.Member), CancellationToken.None);
    }

    private async Task RevokeAsync(Guid id)
    {
        await using var context = _database.NewContext();
        await new RevokeApiKeyCommandHandler(context, Authenticator(context), _database.Clock).Handle(new RevokeApiKeyCommand(id), CancellationToken.None);
    }

    private async Task<ApiKeyPrincipal?> AuthenticateAsync(string key)
    {
        await using var context = _database.NewContext();
        return await Authenticator(context).AuthenticateAsync(key, CancellationToken.None);
    }

    [Fact]
    public async Task Revoking_stamps_the_key_and_stops_it_at_once_even_though_this_host_had_cached_it()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        var created = await CreateKeyAsync(acme);
        Assert.NotNull(await AuthenticateAsync(created.Key));
        _database.Clock.Advance(TimeSpan.FromSeconds(1));

        await RevokeAsync(created.ApiKey.Id);

        Assert.Null(await AuthenticateAsync(created.Key));
        await using var context = _database.NewContext();
        Assert.Equal(_database.Clock.GetUtcNow(), (await context.ApiKeys.SingleAsync()).RevokedAt);
    }

    [Fact]
    public async Task Revoking_a_revoked_key_is_not_found_and_keeps_the_first_revocation_time()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        var created = await CreateKeyAsync(acme);
        await RevokeAsync(created.ApiKey.Id);
        var revokedAt = _database.Clock.GetUtcNow();
        _database.Clock.Advance(TimeSpan.FromMinutes(1));

        var error = await AppErrorAssert.ThrowsAsync(ErrorKind.NotFound, () => RevokeAsync(created.ApiKey.Id));

        Assert.Equal(ErrorCodes.NotFound, error.Code);
        await using var context = _database.NewContext();
        Assert.Equal(revokedAt, (await context.ApiKeys.SingleAsync()).RevokedAt);
    }

    [Fact]
    public async Task Another_companys_key_is_not_found_and_keeps_working()
    {
        var globex = await TestTenant.CreateAsync(_database, "Globex");
        var theirs = await CreateKeyAsync(globex);
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        _database.CurrentUser.SignInAs(acme.Owner);

        await AppErrorAssert.ThrowsAsync(ErrorKind.NotFound, () => RevokeAsync(theirs.ApiKey.Id));

        Assert.NotNull(await AuthenticateAsync(theirs.Key));
        await using var context = _database.NewContext(actingAs: new TestCurrentUser());
        Assert.Null((await context.ApiKeys.IgnoreQueryFilters().SingleAsync()).RevokedAt);
    }
}
