using Mediator;
using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Integrations.Common;

namespace NovaPulse.Application.Integrations.List;

public sealed class ListIntegrationsQueryHandler(IAppDbContext db) : IQueryHandler<ListIntegrationsQuery, IReadOnlyList<IntegrationDto>>
{
    public async ValueTask<IReadOnlyList<IntegrationDto>> Handle(ListIntegrationsQuery query, CancellationToken cancellationToken)
    {
        var integrations = await db.Integrations.AsNoTracking().OrderBy(i => i.Type).ToListAsync(cancellationToken);
        return [.. integrations.Select(IntegrationDto.From)];
    }
}
