using Microsoft.Extensions.Options;
using NovaPulse.Domain.Companies;

namespace NovaPulse.Application.Billing.Common;

/// <summary>The configured plans, looked up by id or by Stripe price, and the next plan that lifts a limit.</summary>
public sealed class PlanCatalog(IOptionsMonitor<BillingOptions> options)
{
    private static readonly PlanDefinition DefaultFree = new() { Id = Company.FreePlanId, Name = "Free" };

    /// <summary>All plans in display order; a Free plan is always there, even if configuration names none.</summary>
    public IReadOnlyList<PlanDefinition> All
    {
        get
        {
            var plans = options.CurrentValue.Plans;
            return plans.Any(p => p.Id == Company.FreePlanId) ? plans : [DefaultFree, .. plans];
        }
    }

    public PlanDefinition? Find(string planId) => All.FirstOrDefault(p => p.Id == planId);

    /// <summary>The plan a company is on; an id no longer configured counts as Free.</summary>
    public PlanDefinition Get(string planId) => Find(planId) ?? Find(Company.FreePlanId)!;

    /// <summary>
    /// The plan a Stripe subscription stands for, if any: the plan whose configured price it holds, else the paid plan
    /// named by the <c>plan_id</c> Checkout stamped into its metadata (plans sold inline get a new Stripe price per
    /// Checkout, so only the metadata names them). A configured price wins: a plan change in the customer portal swaps
    /// the price but leaves the metadata as it was.
    /// </summary>
    public PlanDefinition? ForSubscription(PaymentSubscription subscription)
    {
        var prices = subscription.PriceIds.ToHashSet(StringComparer.Ordinal);
        return All.FirstOrDefault(p => !string.IsNullOrWhiteSpace(p.StripePriceId) && prices.Contains(p.StripePriceId))
            ?? (subscription.PlanId is { } planId && Find(planId) is { IsPaid: true } named ? named : null);
    }

    /// <summary>The first plan (in display order) whose limit is higher than <paramref name="current"/> (null = unlimited).</summary>
    public string? Lifting(Func<PlanLimits, long?> limit, long current) =>
        All.FirstOrDefault(p => limit(p.Limits) is not { } value || value > current)?.Id;

    public IReadOnlyDictionary<string, string> Meters => options.CurrentValue.Meters;
}
