using Mediator;
using NovaPulse.Application.Common.Security;
using NovaPulse.Domain.Common;

namespace NovaPulse.Application.Billing.Me;

/// <summary>The company's plan, subscription state, usage against the plan's limits and payment method.</summary>
[RequireRole(Role.Member)]
public sealed record GetBillingQuery : IQuery<BillingDto>;
