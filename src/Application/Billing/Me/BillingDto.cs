using NovaPulse.Application.Billing.Common;

namespace NovaPulse.Application.Billing.Me;

/// <summary>
/// Billing state of the company. <see cref="Status"/> is Stripe's subscription status (<c>none</c> on Free without
/// one); <see cref="ProviderConfigured"/> tells whether paid plans can be bought here at all.
/// </summary>
public sealed record BillingDto(
    PlanDto Plan, string Status, DateTimeOffset? CurrentPeriodEnd, bool CancelAtPeriodEnd, UsageDto Usage, PlanLimitsDto Limits,
    PaymentMethodDto? PaymentMethod, bool ProviderConfigured);

/// <summary>Current usage; apiCalls counts the <c>api_calls</c> usage recorded this calendar month (UTC).</summary>
public sealed record UsageDto(long Seats, long Tasks, long StorageBytes, long ApiCalls);

public sealed record PaymentMethodDto(string? Brand, string Last4);
