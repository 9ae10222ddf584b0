namespace NovaPulse.Application.Billing.Common;

/// <summary>
/// A plan as offered: its fee (<c>monthlyPrice</c>, in the currency's smallest unit, charged every <c>interval</c>), limits
/// (null = unlimited) and features.
/// </summary>
public sealed record PlanDto(
    string Id, string Name, long MonthlyPrice, string Currency, string Interval, PlanLimitsDto Limits, IReadOnlyList<string> Features, bool RequiresPayment)
{
    public static PlanDto From(PlanDefinition plan) => new(
        plan.Id, plan.Name, plan.MonthlyPrice, plan.Currency, plan.Interval, PlanLimitsDto.From(plan.Limits), plan.Features, plan.IsPaid);
}

public sealed record PlanLimitsDto(
    long? Seats, long? Tasks, long? StorageBytes, long? ApiCallsPerMonth, long? MaxUploadBytes, long? WebhookEndpoints, long? Integrations,
    long? EventStreamsPerPrincipal)
{
    public static PlanLimitsDto From(PlanLimits limits) => new(
        limits.Seats, limits.Tasks, limits.StorageBytes, limits.ApiCallsPerMonth, limits.MaxUploadBytes, limits.WebhookEndpoints, limits.Integrations,
        limits.EventStreamsPerPrincipal);
}
