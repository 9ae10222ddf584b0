using Mediator;
using NovaPulse.Application.Common.Security;
using NovaPulse.Domain.Common;

namespace NovaPulse.Application.Billing.Cancel;

/// <summary>
/// Cancels the subscription: at the end of the paid period (default; the plan stays until then) or at once
/// (back to Free now). Stripe's webhooks confirm the change.
/// </summary>
[RequireRole(Role.Admin)]
public sealed record CancelSubscriptionCommand(bool AtPeriodEnd = true) : ICommand<SubscriptionStatusDto>;

public sealed record SubscriptionStatusDto(string Plan, string Status, DateTimeOffset? CurrentPeriodEnd, bool CancelAtPeriodEnd);
