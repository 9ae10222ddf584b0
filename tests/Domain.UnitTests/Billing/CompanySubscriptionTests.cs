using NovaPulse.Domain.Billing;
using NovaPulse.Domain.Common;

namespace NovaPulse.Domain.UnitTests.Billing;

public sealed class CompanySubscriptionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private static SubscriptionChange Change(string status = "active", string plan = "pro", bool cancelAtPeriodEnd = false) =>
        new("sub_1", plan, status, Now.AddDays(30), cancelAtPeriodEnd, "visa", "4242");

    [Fact]
    public void A_new_account_is_on_free_with_no_subscription()
    {
        var account = CompanySubscription.Create(Guid.NewGuid(), Now);

        Assert.Equal("free", account.PlanId);
        Assert.Equal("none", account.Status);
        Assert.False(account.HasLiveSubscription);
    }

    [Theory]
    [InlineData("active", "pro")]
    [InlineData("trialing", "pro")]
    [InlineData("past_due", "pro")]
    [InlineData("canceled", "free")]
    [InlineData("unpaid", "free")]
    [InlineData("incomplete_expired", "free")]
    public void Only_running_subscriptions_grant_their_plan(string status, string expectedPlan)
    {
        var account = CompanySubscription.Create(Guid.NewGuid(), Now);

        account.Apply(Change(status), Now, Now);

        Assert.Equal(expectedPlan, account.PlanId);
        Assert.Equal(status, account.Status);
    }

    [Fact]
    public void A_change_raises_subscription_updated_and_the_same_state_again_raises_nothing()
    {
        var account = CompanySubscription.Create(Guid.NewGuid(), Now);

        account.Apply(Change(), Now, Now);
        account.Apply(Change(), Now.AddMinutes(1), Now.AddMinutes(1));

        var raised = Assert.IsType<SubscriptionUpdated>(Assert.Single(account.DomainEvents));
        Assert.Equal(new SubscriptionSnapshot("pro", "active", Now.AddDays(30), false), raised.Subscription);
    }

    [Fact]
    public void A_state_older_than_the_applied_one_is_ignored()
    {
        var account = CompanySubscription.Create(Guid.NewGuid(), Now);
        account.Apply(Change("canceled"), Now, Now);

        var applied = account.Apply(Change("active"), Now.AddSeconds(-10), Now);

        Assert.False(applied);
        Assert.Equal("free", account.PlanId);
        Assert.Equal("canceled", account.Status);
    }

    [Fact]
    public void A_second_customer_is_refused()
    {
        var account = CompanySubscription.Create(Guid.NewGuid(), Now);
        account.AttachCustomer("cus_1", Now);

        account.AttachCustomer("cus_1", Now);

        Assert.Equal("customer_exists", Assert.Throws<DomainRuleException>(() => account.AttachCustomer("cus_2", Now)).Code);
    }
}
