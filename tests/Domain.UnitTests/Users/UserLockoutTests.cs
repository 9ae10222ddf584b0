using NovaPulse.Domain.Common;
using NovaPulse.Domain.Users;

namespace NovaPulse.Domain.UnitTests.Users;

public sealed class UserLockoutTests
{
    private const int MaxAttempts = 3;
    private static readonly TimeSpan Lockout = TimeSpan.FromMinutes(15);
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static User NewUser() => User.Create(Guid.CreateVersion7(), "ada@example.com", "Ada", Role.Member, Now);

    [Fact]
    public void Failures_below_the_limit_count_but_do_not_lock()
    {
        var user = NewUser();

        for (var i = 0; i < MaxAttempts - 1; i++)
        {
            user.RecordFailedLogin(Now, MaxAttempts, Lockout);
        }

        Assert.Equal(MaxAttempts - 1, user.FailedLoginCount);
        Assert.False(user.IsLockedOut(Now));
        Assert.Null(user.LockoutEndsAt);
    }

    [Fact]
    public void Reaching_the_limit_locks_the_account_for_the_lockout_duration()
    {
        var user = NewUser();

        for (var i = 0; i < MaxAttempts; i++)
        {
            user.RecordFailedLogin(Now, MaxAttempts, Lockout);
        }

        Assert.Equal(Now + Lockout, user.LockoutEndsAt);
        Assert.True(user.IsLockedOut(Now));
        Assert.True(user.IsLockedOut(Now + Lockout - TimeSpan.FromSeconds(1)));
        Assert.Equal(0, user.FailedLoginCount);
    }

    [Fact]
    public void The_lockout_ends_when_its_time_has_passed()
    {
        var user = NewUser();
        for (var i = 0; i < MaxAttempts; i++)
        {
            user.RecordFailedLogin(Now, MaxAttempts, Lockout);
        }

        Assert.False(user.IsLockedOut(Now + Lockout));
        Assert.False(user.IsLockedOut(Now + Lockout + TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void A_successful_login_resets_the_failure_count_and_the_lockout()
    {
        var user = NewUser();
        for (var i = 0; i < MaxAttempts; i++)
        {
            user.RecordFailedLogin(Now, MaxAttempts, Lockout);
        }

        user.RecordFailedLogin(Now, MaxAttempts, Lockout);
        user.RecordSuccessfulLogin();

        Assert.Equal(0, user.FailedLoginCount);
        Assert.Null(user.LockoutEndsAt);
        Assert.False(user.IsLockedOut(Now));
    }

    [Fact]
    public void A_success_between_failures_restarts_the_count()
    {
        var user = NewUser();
        user.RecordFailedLogin(Now, MaxAttempts, Lockout);
        user.RecordFailedLogin(Now, MaxAttempts, Lockout);

        user.RecordSuccessfulLogin();
        user.RecordFailedLogin(Now, MaxAttempts, Lockout);
        user.RecordFailedLogin(Now, MaxAttempts, Lockout);

        Assert.False(user.IsLockedOut(Now));
    }

    [Fact]
    public void Emails_are_trimmed_and_normalized_to_upper_invariant()
    {
        var user = User.Create(Guid.CreateVersion7(), "  Ada@Example.com ", " Ada ", Role.Member, Now);

        Assert.Equal("Ada@Example.com", user.Email);
        Assert.Equal("ADA@EXAMPLE.COM", user.NormalizedEmail);
        Assert.Equal("Ada", user.Name);
        Assert.Equal(User.Normalize("ada@example.COM "), user.NormalizedEmail);
    }
}
