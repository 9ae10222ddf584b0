using Mediator;
using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Auth.Common;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Members.Common;
using NovaPulse.Domain.Users;

namespace NovaPulse.Application.Auth.Login;

public sealed class LoginCommandHandler(
    IAppDbContext db, IPasswordHasher passwords, TokenPairIssuer tokens, SignInLockout lockout, TimeProvider clock)
    : ICommandHandler<LoginCommand, AuthResponse>
{
    private const string InvalidCredentials = "Invalid email or password.";

    // Verified against for unknown emails, so they cost the same hashing work as a wrong password (no timing oracle).
    private static string? s_unknownAccountHash;

    public async ValueTask<AuthResponse> Handle(LoginCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var normalized = User.Normalize(command.Email);
        if (await lockout.RemainingAsync(normalized, now, cancellationToken) is { } remaining)
        {
            throw AppException.TooManyAttempts("Too many failed sign-in attempts; try again later.", remaining);
        }

        // Sign-in happens before we know the company, so this one lookup crosses tenants by design.
        var user = await db.Users.IgnoreQueryFilters().SingleOrDefaultAsync(u => u.NormalizedEmail == normalized, cancellationToken);
        var hash = user?.PasswordHash ?? (s_unknownAccountHash ??= passwords.Hash(Guid.NewGuid().ToString("N")));
        if (!passwords.Verify(hash, command.Password) || user is null)
        {
            await lockout.RecordFailureAsync(normalized, now, cancellationToken);
            throw AppException.Unauthenticated(InvalidCredentials);
        }

        await lockout.ClearAsync(normalized, cancellationToken);
        var company = await db.Companies.SingleAsync(c => c.Id == user.CompanyId, cancellationToken);
        var pair = tokens.Issue(user);
        await db.SaveChangesAsync(cancellationToken);
        return new AuthResponse(pair.AccessToken, pair.RefreshToken, pair.TokenType, pair.ExpiresIn, MemberDto.From(user), CompanyDto.From(company));
    }
}
