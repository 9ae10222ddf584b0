using NovaPulse.Application.Billing.Common;
using NovaPulse.Application.Integrations.Common;
using NovaPulse.Domain.Billing;
using NovaPulse.Domain.Companies;

namespace NovaPulse.Application.UnitTests.Billing;

/// <summary>The plans the billing tests sell (Free and a paid Pro), and billing accounts seeded as Stripe would have left them.</summary>
public static class TestBilling
{
    public const string ProPriceId = "price_pro";

    public static TestOptions<BillingOptions> Options { get; } = new(new BillingOptions
    {
        Plans =
        [
            new PlanDefinition { Id = Company.FreePlanId, Name = "Free" },
            new PlanDefinition { Id = "pro", Name = "Pro", MonthlyPrice = 2900, StripePriceId = ProPriceId, StripeMeteredPriceId = "" },
        ],
    });

    public static PlanCatalog Catalog { get; } = new(Options);

    public static ReturnUrlPolicy ReturnUrls { get; } = new(Options, new TestOptions<IntegrationOptions>(new IntegrationOptions { FrontendUrl = "https://app.novapulse.test" }));

    /// <summary>Stripe's state of a Pro subscription of <paramref name="customerId"/>.</summary>
    public static PaymentSubscription ProSubscription(string id, string customerId, string status = "active") =>
        new(id, customerId, status, [ProPriceId], new DateTimeOffset(2026, 4, 2, 0, 0, 0, TimeSpan.Zero), false, "visa", "4242", "pro");

    /// <summary>A billing account with a Stripe customer and, when <paramref name="subscription"/> is given, on that subscription's plan.</summary>
    public static async Task<CompanySubscription> SeedAccountAsync(
        this TestDatabase database, TestTenant tenant, string customerId, PaymentSubscription? subscription = null)
    {
        var now = database.Clock.GetUtcNow();
        var account = CompanySubscription.Create(tenant.Company.Id, now);
        account.AttachCustomer(customerId, now);
        await using var context = database.NewContext(actingAs: new TestCurrentUser());
        if (subscription is not null)
        {
            account.Apply(
                new SubscriptionChange(subscription.Id, "pro", subscription.Status, subscription.CurrentPeriodEnd, subscription.CancelAtPeriodEnd), now, now);
            account.ClearDomainEvents();
            var company = await context.Companies.FindAsync(tenant.Company.Id);
            company!.ChangePlan(account.PlanId);
        }

        context.CompanySubscriptions.Add(account);
        await context.SaveChangesAsync();
        return account;
    }
}
