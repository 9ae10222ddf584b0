using Mediator;
using NovaPulse.Application.Billing.Common;

namespace NovaPulse.Application.Billing.Plans;

public sealed class ListPlansQueryHandler(PlanCatalog catalog) : IQueryHandler<ListPlansQuery, IReadOnlyList<PlanDto>>
{
    public ValueTask<IReadOnlyList<PlanDto>> Handle(ListPlansQuery query, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<PlanDto>>([.. catalog.All.Select(PlanDto.From)]);
}
