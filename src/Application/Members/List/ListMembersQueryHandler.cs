using Mediator;
using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Common.Paging;
using NovaPulse.Application.Members.Common;

namespace NovaPulse.Application.Members.List;

public sealed class ListMembersQueryHandler(IAppDbContext db) : IQueryHandler<ListMembersQuery, Page<MemberDto>>
{
    public async ValueTask<Page<MemberDto>> Handle(ListMembersQuery query, CancellationToken cancellationToken)
    {
        var limit = query.Limit ?? PageRequest.DefaultLimit;
        var users = db.Users.AsNoTracking().AsQueryable();
        if (Cursor.TryDecode(query.Cursor, out var cursor))
        {
            users = users.After(u => u.CreatedAt, u => u.Id, Keyset.ParseDate(cursor!.Key), cursor.Id, descending: false);
        }

        var rows = await users.OrderBy(u => u.CreatedAt).ThenBy(u => u.Id).Take(limit + 1).ToListAsync(cancellationToken);
        return Keyset.ToPage(rows, limit, u => Keyset.FormatDate(u.CreatedAt), u => u.Id, MemberDto.From);
    }
}
