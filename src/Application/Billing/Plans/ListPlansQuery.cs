using Mediator;
using NovaPulse.Application.Billing.Common;

namespace NovaPulse.Application.Billing.Plans;

/// <summary>The plans on offer; public, so a pricing page can show them before sign-up.</summary>
public sealed record ListPlansQuery : IQuery<IReadOnlyList<PlanDto>>;
