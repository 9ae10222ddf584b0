using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NovaPulse.Application.Auth.Common;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Common.Options;
using NovaPulse.Application.Members.Common;
using NovaPulse.Domain.Users;

namespace NovaPulse.Application.Auth.Login;

public sealed class LoginCommandHandler(
    IAppDbContext db, IPasswordHasher passwords, TokenPairIssuer tokens, IOptions<AuthSettings> settings, TimeProvider clock)
    : ICommandHandler<LoginCommand, AuthResponse>
{
    private const string InvalidCredentials = "Invalid email or password.";

    public async ValueTask<AuthResponse> Handle(LoginCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var normalized = User.Normalize(command.Email);
        // Sign-in happens before we know the company, so this one lookup crosses tenants by design.
        var user = await db.Users.IgnoreQueryFilters().SingleOrDefaultAsync(u => u.NormalizedEmail == normalized, cancellationToken)
            ?? throw new AuthenticationFailedException(InvalidCredentials);

        if (user.IsLockedOut(now))
        {
            throw new TooManyAttemptsException("Too many failed sign-in attempts; the account is temporarily locked.", user.LockoutEndsAt!.Value - now);
        }

        if (!passwords.Verify(user.PasswordHash, command.Password))
        {
            user.RecordFailedLogin(now, settings.Value.MaxFailedLogins, settings.Value.LockoutDuration);
            await db.SaveChangesAsync(cancellationToken);
            throw new AuthenticationFailedException(InvalidCredentials);
        }

        user.RecordSuccessfulLogin();
        var company = await db.Companies.SingleAsync(c => c.Id == user.CompanyId, cancellationToken);
        var pair = tokens.Issue(user);
        await db.SaveChangesAsync(cancellationToken);
        return new AuthResponse(pair.AccessToken, pair.RefreshToken, pair.TokenType, pair.ExpiresIn, MemberDto.From(user), CompanyDto.From(company));
    }
}
