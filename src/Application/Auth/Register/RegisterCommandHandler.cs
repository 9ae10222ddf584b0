using Mediator;
using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Auth.Common;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Members.Common;
using NovaPulse.Domain.Common;
using NovaPulse.Domain.Companies;
using NovaPulse.Domain.Users;

namespace NovaPulse.Application.Auth.Register;

public sealed class RegisterCommandHandler(IAppDbContext db, IPasswordHasher passwords, TokenPairIssuer tokens, TimeProvider clock)
    : ICommandHandler<RegisterCommand, AuthResponse>
{
    public async ValueTask<AuthResponse> Handle(RegisterCommand command, CancellationToken cancellationToken)
    {
        var normalized = User.Normalize(command.Email);
        // Emails are unique across companies: one person, one company, one sign-in.
        if (await db.Users.IgnoreQueryFilters().AnyAsync(u => u.NormalizedEmail == normalized, cancellationToken))
        {
            throw AppException.Conflict("An account with this email already exists.");
        }

        var now = clock.GetUtcNow();
        var company = Company.Create(command.CompanyName, now);
        var owner = User.Create(company.Id, command.Email, command.Name, Role.Owner, now);
        owner.SetPasswordHash(passwords.Hash(command.Password));
        db.Companies.Add(company);
        db.Users.Add(owner);
        var pair = tokens.Issue(owner);
        await db.SaveChangesAsync(cancellationToken);

        return new AuthResponse(pair.AccessToken, pair.RefreshToken, pair.TokenType, pair.ExpiresIn, MemberDto.From(owner), CompanyDto.From(company));
    }
}
