using Mediator;
using NovaPulse.Application.Common.Paging;
using NovaPulse.Application.Common.Security;
using NovaPulse.Application.Members.Common;
using NovaPulse.Domain.Common;

namespace NovaPulse.Application.Members.List;

/// <summary>The company's members in the order they joined.</summary>
[RequireRole(Role.Member)]
public sealed record ListMembersQuery(int? Limit, string? Cursor) : IQuery<Page<MemberDto>>;
