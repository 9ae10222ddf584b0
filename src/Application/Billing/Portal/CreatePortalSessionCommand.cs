using Mediator;
using NovaPulse.Application.Common.Security;
using NovaPulse.Domain.Common;

namespace NovaPulse.Application.Billing.Portal;

/// <summary>A Stripe customer portal session (payment methods, invoices, plan changes); returns to <c>Billing:PortalReturnUrl</c> by default.</summary>
[RequireRole(Role.Admin)]
public sealed record CreatePortalSessionCommand(string? ReturnUrl = null) : ICommand<PortalSessionDto>;

public sealed record PortalSessionDto(string Url);
