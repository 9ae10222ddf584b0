using System.Reflection;
using NovaPulse.Sdk.Generated;

namespace NovaPulse.Sdk.Tests;

[Collection(ApiCollection.Name)]
public sealed class FacadeTests(ApiHost host)
{
    [Fact]
    public void The_facade_exposes_every_generated_client()
    {
        var generated = typeof(NovaPulseClient).Assembly.GetTypes()
            .Where(t => t.IsInterface && t.Namespace == typeof(ITasksClient).Namespace && t.Name.EndsWith("Client", StringComparison.Ordinal))
            .Select(t => t.Name)
            .Order()
            .ToList();
        var exposed = typeof(NovaPulseClient).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => p.PropertyType)
            .Where(t => t.Namespace == typeof(ITasksClient).Namespace)
            .Select(t => t.Name)
            .Order()
            .ToList();

        Assert.Contains(nameof(IBillingClient), generated);
        Assert.Contains(nameof(IIntegrationsClient), generated);
        Assert.Equal(generated, exposed);
    }

    [Fact]
    public async Task Billing_and_integrations_are_reachable_through_the_facade()
    {
        using var admin = host.Client(apiKey: await host.ApiKeyAsync(Role.Admin));

        var plans = await admin.Billing.PlansAsync();
        var integrations = await admin.Integrations.ListAsync();

        Assert.Contains(plans, plan => plan.Id == "free");
        Assert.Empty(integrations);
    }
}
