using Mediator;
using NovaPulse.Application.Common.Security;
using NovaPulse.Domain.Common;

namespace NovaPulse.Application.Billing.Checkout;

/// <summary>
/// Starts a Stripe Checkout (mode subscription) for a paid plan, creating the company's Stripe customer on first use.
/// The URLs default to <c>Billing:SuccessUrl</c> / <c>Billing:CancelUrl</c>.
/// </summary>
[RequireRole(Role.Admin)]
public sealed record CreateCheckoutSessionCommand(string PlanId, string? SuccessUrl = null, string? CancelUrl = null) : ICommand<CheckoutSessionDto>;

public sealed record CheckoutSessionDto(string SessionId, string Url);
