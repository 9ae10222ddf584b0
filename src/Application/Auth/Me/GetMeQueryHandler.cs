using Mediator;
using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Auth.Common;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Common.Security;
using NovaPulse.Application.Members.Common;

namespace NovaPulse.Application.Auth.Me;

public sealed class GetMeQueryHandler(IAppDbContext db, ICurrentUser currentUser) : IQueryHandler<GetMeQuery, MeResponse>
{
    public async ValueTask<MeResponse> Handle(GetMeQuery query, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireUserId();
        var companyId = currentUser.RequireCompanyId();
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken)
            ?? throw AppException.Unauthenticated("The account no longer exists.");
        var company = await db.Companies.SingleAsync(c => c.Id == companyId, cancellationToken);
        return new MeResponse(MemberDto.From(user), CompanyDto.From(company), currentUser.RequireRole(), currentUser.ApiKeyId);
    }
}
