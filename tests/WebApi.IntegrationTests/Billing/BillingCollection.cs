namespace NovaPulse.WebApi.IntegrationTests.Billing;

/// <summary>Billing test classes share one host and one Stripe fake, and run one after another (faults are queued on the fake).</summary>
[CollectionDefinition(Name)]
public sealed class BillingCollection : ICollectionFixture<BillingFactory>
{
    public const string Name = "billing";
}
