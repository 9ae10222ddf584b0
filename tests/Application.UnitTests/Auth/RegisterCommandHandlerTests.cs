using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using NovaPulse.Application.Auth.Common;
using NovaPulse.Application.Auth.Register;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Common.Security;
using NovaPulse.Domain.Common;

namespace NovaPulse.Application.UnitTests.Auth;

public sealed class RegisterCommandHandlerTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private async Task<AuthResponse> RegisterAsync(RegisterCommand command)
    {
        await using var context = _database.NewContext();
        var handler = new RegisterCommandHandler(context, TestAuth.PasswordHasher, TestAuth.TokenPairIssuer(context, _database.Clock), _database.Clock);
        return await handler.Handle(command, CancellationToken.None);
    }

    [Fact]
    public async Task Registering_creates_the_company_and_its_owner()
    {
        var response = await RegisterAsync(new RegisterCommand(" Acme ", "Ada", "Ada@Acme.test", "correct-horse-1"));

        await using var context = _database.NewContext();
        var company = await context.Companies.SingleAsync();
        var owner = await context.Users.IgnoreQueryFilters().SingleAsync();
        Assert.Equal("Acme", company.Name);
        Assert.Equal(company.Id, owner.CompanyId);
        Assert.Equal(Role.Owner, owner.Role);
        Assert.Equal("ADA@ACME.TEST", owner.NormalizedEmail);
        Assert.Equal(company.Id, response.Company.Id);
        Assert.Equal(owner.Id, response.User.Id);
        Assert.Equal(Role.Owner, response.User.Role);
    }

    [Fact]
    public async Task The_password_is_stored_only_as_a_hash_that_verifies()
    {
        await RegisterAsync(new RegisterCommand("Acme", "Ada", "ada@acme.test", "correct-horse-1"));

        await using var context = _database.NewContext();
        var owner = await context.Users.IgnoreQueryFilters().SingleAsync();
        Assert.NotEqual("correct-horse-1", owner.PasswordHash);
        Assert.True(TestAuth.PasswordHasher.Verify(owner.PasswordHash, "correct-horse-1"));
        Assert.False(TestAuth.PasswordHasher.Verify(owner.PasswordHash, "wrong-horse-1"));
    }

    [Fact]
    public async Task Registering_signs_the_owner_in_with_an_access_token_for_their_company_and_a_stored_refresh_token()
    {
        var response = await RegisterAsync(new RegisterCommand("Acme", "Ada", "ada@acme.test", "correct-horse-1"));

        var jwt = new JsonWebToken(response.AccessToken);
        Assert.Equal(response.User.Id.ToString(), jwt.GetClaim("sub").Value);
        Assert.Equal(response.Company.Id.ToString(), jwt.GetClaim("company_id").Value);
        Assert.Equal("Owner", jwt.GetClaim("role").Value);
        Assert.Equal("Bearer", response.TokenType);
        Assert.Equal(15 * 60, response.ExpiresIn);

        await using var context = _database.NewContext();
        var stored = await context.RefreshTokens.IgnoreQueryFilters().SingleAsync();
        Assert.Equal(Secrets.Hash(response.RefreshToken), stored.TokenHash);
        Assert.Equal(response.User.Id, stored.UserId);
        Assert.True(stored.IsActive(_database.Clock.GetUtcNow()));
    }

    [Fact]
    public async Task Registering_an_email_that_already_has_an_account_is_a_conflict()
    {
        await RegisterAsync(new RegisterCommand("Acme", "Ada", "ada@acme.test", "correct-horse-1"));

        await AppErrorAssert.ThrowsAsync(ErrorKind.Conflict, () => RegisterAsync(new RegisterCommand("Other Co", "Ada again", " ADA@acme.TEST ", "correct-horse-2")));

        await using var context = _database.NewContext();
        Assert.Equal(1, await context.Companies.CountAsync());
        Assert.Equal(1, await context.Users.IgnoreQueryFilters().CountAsync());
    }
}
