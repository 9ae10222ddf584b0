using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NovaPulse.Infrastructure.Billing;
using NovaPulse.Infrastructure.Cluster;
using NovaPulse.Infrastructure.Configuration;
using NovaPulse.Infrastructure.Integrations;
using NovaPulse.Infrastructure.Outbox;
using NovaPulse.Infrastructure.Persistence;
using NovaPulse.Infrastructure.Redis;
using NovaPulse.Infrastructure.Security;
using NovaPulse.Infrastructure.Storage;
using NovaPulse.Infrastructure.Webhooks;
using NovaPulse.Infrastructure.Workers;

namespace NovaPulse.Infrastructure;

/// <summary>Composes the areas; each registers itself in its folder's <c>&lt;Area&gt;Module.cs</c> (docs/ARCHITECTURE.md).</summary>
public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var context = ModuleContext.From(configuration, environment);
        services.AddSingleton(TimeProvider.System);
        return services
            .AddSecurity(context)
            .AddPersistence(context)
            .AddCluster(context)
            .AddRedis(context)
            .AddWorkers(context)
            .AddStorage(context)
            .AddOutbox(context)
            .AddWebhooks(context)
            .AddBilling(context)
            .AddIntegrations(context);
    }
}
