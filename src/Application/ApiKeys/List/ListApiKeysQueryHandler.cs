using Mediator;
using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.ApiKeys.Common;
using NovaPulse.Application.Common.Interfaces;

namespace NovaPulse.Application.ApiKeys.List;

public sealed class ListApiKeysQueryHandler(IAppDbContext db) : IQueryHandler<ListApiKeysQuery, IReadOnlyList<ApiKeyDto>>
{
    public async ValueTask<IReadOnlyList<ApiKeyDto>> Handle(ListApiKeysQuery query, CancellationToken cancellationToken)
    {
        var keys = await db.ApiKeys.Where(k => k.RevokedAt == null).ToListAsync(cancellationToken);
        return [.. keys.OrderByDescending(k => k.CreatedAt).Select(ApiKeyDto.From)];
    }
}
