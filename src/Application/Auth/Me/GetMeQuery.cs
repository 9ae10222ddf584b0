using Mediator;
using NovaPulse.Application.Auth.Common;
using NovaPulse.Application.Common.Security;
using NovaPulse.Application.Members.Common;
using NovaPulse.Domain.Common;

namespace NovaPulse.Application.Auth.Me;

[RequireRole(Role.Member)]
public sealed record GetMeQuery : IQuery<MeResponse>;

/// <summary>The caller: their member record, company, effective role and, for API keys, which key.</summary>
public sealed record MeResponse(MemberDto User, CompanyDto Company, Role Role, Guid? ApiKeyId);
