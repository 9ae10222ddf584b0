using NovaPulse.Application.Auth.Me;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Domain.Common;

namespace NovaPulse.Application.UnitTests.Auth;

public sealed class GetMeQueryHandlerTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private async Task<MeResponse> GetMeAsync(ICurrentUser caller)
    {
        await using var context = _database.NewContext(actingAs: caller);
        return await new GetMeQueryHandler(context, caller).Handle(new GetMeQuery(), CancellationToken.None);
    }

    [Fact]
    public async Task The_caller_gets_their_member_record_company_and_signed_in_role()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        var grace = await acme.AddMemberAsync(_database, "Grace", Role.Admin);
        _database.CurrentUser.SignInAs(grace);

        var me = await GetMeAsync(_database.CurrentUser);

        Assert.Equal(grace.Id, me.User.Id);
        Assert.Equal(grace.Email, me.User.Email);
        Assert.Equal(acme.Company.Id, me.Company.Id);
        Assert.Equal("Acme", me.Company.Name);
        Assert.Equal(Role.Admin, me.Role);
        Assert.Null(me.ApiKeyId);
    }

    [Fact]
    public async Task Through_an_api_key_the_role_is_the_keys_and_the_key_is_named()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        var keyId = Guid.NewGuid();

        var me = await GetMeAsync(new Caller(acme.Owner.Id, acme.Company.Id, Role.Member, keyId));

        Assert.Equal(acme.Owner.Id, me.User.Id);
        Assert.Equal(Role.Owner, me.User.Role);
        Assert.Equal(Role.Member, me.Role);
        Assert.Equal(keyId, me.ApiKeyId);
    }

    [Fact]
    public async Task A_caller_whose_account_no_longer_exists_is_unauthenticated()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");

        var error = await AppErrorAssert.ThrowsAsync(
            ErrorKind.Unauthenticated, () => GetMeAsync(new Caller(Guid.NewGuid(), acme.Company.Id, Role.Member, ApiKeyId: null)));

        Assert.Equal(ErrorCodes.Unauthenticated, error.Code);
    }

    [Fact]
    public async Task A_member_of_another_company_is_not_found_in_the_callers_company()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        var globex = await TestTenant.CreateAsync(_database, "Globex");

        await AppErrorAssert.ThrowsAsync(
            ErrorKind.Unauthenticated, () => GetMeAsync(new Caller(globex.Owner.Id, acme.Company.Id, Role.Owner, ApiKeyId: null)));
    }

    /// <summary>A principal as authentication resolves it, e.g. an API key acting below its creator's role.</summary>
    private sealed record Caller(Guid? UserId, Guid? CompanyId, Role? Role, Guid? ApiKeyId) : ICurrentUser
    {
        public bool IsAuthenticated => true;
    }
}
