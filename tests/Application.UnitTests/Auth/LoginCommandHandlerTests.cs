using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Auth.Common;
using NovaPulse.Application.Auth.Login;
using NovaPulse.Application.Auth.Register;
using NovaPulse.Application.Common.Exceptions;

namespace NovaPulse.Application.UnitTests.Auth;

public sealed class LoginCommandHandlerTests : IDisposable
{
    private const string Email = "ada@acme.test";
    private const string Password = "correct-horse-1";

    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private async Task RegisterAsync()
    {
        await using var context = _database.NewContext();
        await new RegisterCommandHandler(context, TestAuth.PasswordHasher, TestAuth.TokenPairIssuer(context, _database.Clock), _database.Clock)
            .Handle(new RegisterCommand("Acme", "Ada", Email, Password), CancellationToken.None);
    }

    private async Task<AuthResponse> LoginAsync(string email, string password)
    {
        await using var context = _database.NewContext();
        var lockout = new SignInLockout(context, new TestRequestContext(), TestAuth.Settings);
        var handler = new LoginCommandHandler(
            context, TestAuth.PasswordHasher, TestAuth.TokenPairIssuer(context, _database.Clock), lockout, _database.Clock);
        return await handler.Handle(new LoginCommand(email, password), CancellationToken.None);
    }

    private async Task<int> FailedLoginCountAsync()
    {
        await using var context = _database.NewContext();
        return await context.SignInFailures.SumAsync(f => f.Failures);
    }

    [Fact]
    public async Task The_right_password_signs_in_with_any_letter_case_of_the_email()
    {
        await RegisterAsync();

        var response = await LoginAsync(" ADA@Acme.test ", Password);

        Assert.Equal(Email, response.User.Email);
        Assert.False(string.IsNullOrEmpty(response.AccessToken));
        Assert.False(string.IsNullOrEmpty(response.RefreshToken));
    }

    [Fact]
    public async Task A_wrong_password_fails_authentication_and_is_counted()
    {
        await RegisterAsync();

        await AppErrorAssert.ThrowsAsync(ErrorKind.Unauthenticated, () => LoginAsync(Email, "wrong-horse-1"));

        Assert.Equal(1, await FailedLoginCountAsync());
    }

    [Fact]
    public async Task An_unknown_email_fails_authentication_the_same_way()
    {
        await RegisterAsync();

        var unknown = await AppErrorAssert.ThrowsAsync(ErrorKind.Unauthenticated, () => LoginAsync("nobody@acme.test", Password));
        var wrong = await AppErrorAssert.ThrowsAsync(ErrorKind.Unauthenticated, () => LoginAsync(Email, "wrong-horse-1"));

        Assert.Equal(wrong.Message, unknown.Message);
    }

    [Fact]
    public async Task Reaching_max_failed_logins_locks_the_account_even_for_the_right_password()
    {
        await RegisterAsync();
        for (var i = 0; i < TestAuth.MaxFailedLogins; i++)
        {
            await AppErrorAssert.ThrowsAsync(ErrorKind.Unauthenticated, () => LoginAsync(Email, "wrong-horse-1"));
        }

        var locked = await AppErrorAssert.ThrowsAsync(ErrorKind.TooManyAttempts, () => LoginAsync(Email, Password));

        Assert.Equal(TestAuth.LockoutDuration, locked.RetryAfter);
    }

    [Fact]
    public async Task Retry_after_counts_down_while_locked()
    {
        await RegisterAsync();
        for (var i = 0; i < TestAuth.MaxFailedLogins; i++)
        {
            await AppErrorAssert.ThrowsAsync(ErrorKind.Unauthenticated, () => LoginAsync(Email, "wrong-horse-1"));
        }

        _database.Clock.Advance(TimeSpan.FromMinutes(5));
        var locked = await AppErrorAssert.ThrowsAsync(ErrorKind.TooManyAttempts, () => LoginAsync(Email, Password));

        Assert.Equal(TestAuth.LockoutDuration - TimeSpan.FromMinutes(5), locked.RetryAfter);
    }

    [Fact]
    public async Task The_account_unlocks_when_the_lockout_has_passed()
    {
        await RegisterAsync();
        for (var i = 0; i < TestAuth.MaxFailedLogins; i++)
        {
            await AppErrorAssert.ThrowsAsync(ErrorKind.Unauthenticated, () => LoginAsync(Email, "wrong-horse-1"));
        }

        _database.Clock.Advance(TestAuth.LockoutDuration);
        var response = await LoginAsync(Email, Password);

        Assert.Equal(Email, response.User.Email);
    }

    [Fact]
    public async Task Fewer_failures_than_the_limit_do_not_lock_and_a_success_resets_the_count()
    {
        await RegisterAsync();
        for (var i = 0; i < TestAuth.MaxFailedLogins - 1; i++)
        {
            await AppErrorAssert.ThrowsAsync(ErrorKind.Unauthenticated, () => LoginAsync(Email, "wrong-horse-1"));
        }

        await LoginAsync(Email, Password);

        Assert.Equal(0, await FailedLoginCountAsync());
        await AppErrorAssert.ThrowsAsync(ErrorKind.Unauthenticated, () => LoginAsync(Email, "wrong-horse-1"));
        await LoginAsync(Email, Password);
    }
}
