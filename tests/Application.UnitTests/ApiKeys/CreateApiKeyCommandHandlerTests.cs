using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using NovaPulse.Application.ApiKeys.Authenticate;
using NovaPulse.Application.ApiKeys.Create;
using NovaPulse.Application.Auth.Common;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Common.Security;
using NovaPulse.Domain.Common;
using NovaPulse.Infrastructure.Cluster;

namespace NovaPulse.Application.UnitTests.ApiKeys;

public sealed class CreateApiKeyCommandHandlerTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private async Task<CreatedApiKeyResponse> CreateAsync(CreateApiKeyCommand command)
    {
        await using var context = _database.NewContext();
        return await new CreateApiKeyCommandHandler(context, _database.CurrentUser, _database.Clock).Handle(command, CancellationToken.None);
    }

    private async Task<ApiKeyPrincipal?> AuthenticateAsync(string key)
    {
        await using var context = _database.NewContext();
        using var cache = new MemoryCache(new MemoryCacheOptions());
        var roles = new CurrentRoles(context, cache, SingleHostNotifier.Instance);
        return await new ApiKeyAuthenticator(context, roles, cache, SingleHostNotifier.Instance, _database.Clock).AuthenticateAsync(key, CancellationToken.None);
    }

    [Fact]
    public async Task A_new_key_acts_for_the_callers_company_as_a_member_by_default_and_only_its_hash_is_stored()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        _database.CurrentUser.SignInAs(acme.Owner);

        var created = await CreateAsync(new CreateApiKeyCommand(" CI ", Role: null));

        Assert.Equal(Role.Member, created.ApiKey.Role);
        Assert.Equal(created.Key[..11], created.ApiKey.Hint);
        await using (var context = _database.NewContext())
        {
            var stored = await context.ApiKeys.SingleAsync();
            Assert.Equal(acme.Company.Id, stored.CompanyId);
            Assert.Equal(acme.Owner.Id, stored.CreatedBy);
            Assert.Equal("CI", stored.Name);
            Assert.Equal(Secrets.Hash(created.Key), stored.KeyHash);
        }

        var principal = await AuthenticateAsync(created.Key);
        Assert.Equal(new ApiKeyPrincipal(created.ApiKey.Id, acme.Company.Id, acme.Owner.Id, Role.Member), principal);
    }

    [Fact]
    public async Task Every_key_is_a_different_secret()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        _database.CurrentUser.SignInAs(acme.Owner);

        var first = await CreateAsync(new CreateApiKeyCommand("One", Role.Admin));
        var second = await CreateAsync(new CreateApiKeyCommand("Two", Role.Admin));

        Assert.NotEqual(first.Key, second.Key);
        Assert.StartsWith("np_", first.Key, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_owner_may_create_an_owner_key()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        _database.CurrentUser.SignInAs(acme.Owner);

        var created = await CreateAsync(new CreateApiKeyCommand("Root", Role.Owner));

        Assert.Equal(Role.Owner, (await AuthenticateAsync(created.Key))?.Role);
    }

    [Theory]
    [InlineData(Role.Admin, Role.Owner)]
    [InlineData(Role.Member, Role.Member)]
    public async Task A_key_above_what_the_caller_may_grant_is_forbidden_and_nothing_is_stored(Role caller, Role requested)
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        _database.CurrentUser.SignInAs(await acme.AddMemberAsync(_database, "Grace", caller));

        var error = await AppErrorAssert.ThrowsAsync(ErrorKind.Forbidden, () => CreateAsync(new CreateApiKeyCommand("Escalate", requested)));

        Assert.Equal(ErrorCodes.Forbidden, error.Code);
        await using var context = _database.NewContext();
        Assert.False(await context.ApiKeys.IgnoreQueryFilters().AnyAsync());
    }
}
