using NovaPulse.Domain.Common;
using NovaPulse.Domain.Companies;

namespace NovaPulse.Domain.Billing;

/// <summary>
/// A company's billing account: its Stripe customer and the mirror of its Stripe subscription. One per company;
/// Stripe is the source of truth and webhooks or the reconciler bring this row up to date.
/// </summary>
public sealed class CompanySubscription : Entity, ITenantOwned, IAuditable
{
    /// <summary>Stripe statuses in which the paid plan applies; any other status falls back to Free.</summary>
    private static readonly HashSet<string> PlanGrantingStatuses = ["active", "trialing", "past_due"];

    private CompanySubscription()
    {
    }

    public Guid CompanyId { get; private set; }

    public string? StripeCustomerId { get; private set; }

    public string? StripeSubscriptionId { get; private set; }

    public string PlanId { get; private set; } = Company.FreePlanId;

    /// <summary>Stripe's subscription status (<c>active</c>, <c>past_due</c>, <c>canceled</c>...), <c>none</c> before any.</summary>
    public string Status { get; private set; } = "none";

    public DateTimeOffset? CurrentPeriodEnd { get; private set; }

    public bool CancelAtPeriodEnd { get; private set; }

    public string? PaymentMethodBrand { get; private set; }

    public string? PaymentMethodLast4 { get; private set; }

    /// <summary>When the Stripe state last applied was current; older webhook events arriving late are ignored.</summary>
    public DateTimeOffset? SyncedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static CompanySubscription Create(Guid companyId, DateTimeOffset now) => new()
    {
        CompanyId = companyId,
        UpdatedAt = now,
    };

    /// <summary>True when the company pays for a plan that is still running (it changes plans in the portal, not by a new checkout).</summary>
    public bool HasLiveSubscription => StripeSubscriptionId is not null && PlanGrantingStatuses.Contains(Status);

    public void AttachCustomer(string customerId, DateTimeOffset now)
    {
        if (StripeCustomerId is not null && StripeCustomerId != customerId)
        {
            throw new DomainRuleException("customer_exists", "The company already has a billing customer.");
        }

        StripeCustomerId = customerId;
        UpdatedAt = now;
    }

    /// <summary>
    /// Applies Stripe's view of the subscription as of <paramref name="asOf"/>. Returns false (and changes nothing)
    /// when the state is older than the one already applied.
    /// </summary>
    public bool Apply(SubscriptionChange change, DateTimeOffset asOf, DateTimeOffset now)
    {
        if (SyncedAt is { } synced && asOf < synced)
        {
            return false;
        }

        var planId = PlanGrantingStatuses.Contains(change.Status) ? change.PlanId : Company.FreePlanId;
        var changed = StripeSubscriptionId != change.SubscriptionId || PlanId != planId || Status != change.Status
            || CurrentPeriodEnd != change.CurrentPeriodEnd || CancelAtPeriodEnd != change.CancelAtPeriodEnd;
        var paymentMethodChanged = (change.PaymentMethodLast4 is not null && change.PaymentMethodLast4 != PaymentMethodLast4)
            || (change.PaymentMethodBrand is not null && change.PaymentMethodBrand != PaymentMethodBrand);
        if (!changed && !paymentMethodChanged)
        {
            // Nothing new (a reconciler pass, a repeated state): leave the row, its audit trail and the outbox alone.
            return true;
        }

        StripeSubscriptionId = change.SubscriptionId;
        PlanId = planId;
        Status = change.Status;
        CurrentPeriodEnd = change.CurrentPeriodEnd;
        CancelAtPeriodEnd = change.CancelAtPeriodEnd;
        PaymentMethodBrand = change.PaymentMethodBrand ?? PaymentMethodBrand;
        PaymentMethodLast4 = change.PaymentMethodLast4 ?? PaymentMethodLast4;
        SyncedAt = asOf;
        UpdatedAt = now;
        if (changed)
        {
            Raise(new SubscriptionUpdated(new SubscriptionSnapshot(PlanId, Status, CurrentPeriodEnd, CancelAtPeriodEnd)));
        }

        return true;
    }
}

/// <summary>Stripe's state of a subscription, already mapped to our plan id.</summary>
public sealed record SubscriptionChange(
    string SubscriptionId, string PlanId, string Status, DateTimeOffset? CurrentPeriodEnd, bool CancelAtPeriodEnd,
    string? PaymentMethodBrand = null, string? PaymentMethodLast4 = null);
