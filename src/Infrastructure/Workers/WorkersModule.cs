using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NovaPulse.Infrastructure.Configuration;
using NovaPulse.Infrastructure.Persistence;
using NovaPulse.Infrastructure.Persistence.Claims;

namespace NovaPulse.Infrastructure.Workers;

/// <summary>
/// What every background worker shares: the <c>Workers</c> switch (a host can run API-only) and the provider's way of
/// claiming rows with a lease, and the retention pass. Each area registers its own workers when <see cref="ModuleContext.WorkersEnabled"/>.
/// </summary>
public static class WorkersModule
{
    public static IServiceCollection AddWorkers(this IServiceCollection services, ModuleContext context)
    {
        services.AddOptions<WorkerOptions>().Bind(context.Configuration.GetSection(WorkerOptions.SectionName));
        services.AddSingleton<IWorkClaimer>(sp => sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider switch
        {
            DatabaseProvider.PostgreSql => new PostgreSqlWorkClaimer(),
            DatabaseProvider.SqlServer => new SqlServerWorkClaimer(),
            _ => new SqliteWorkClaimer(),
        });

        // Deletes what is kept only for a while, across areas (processed outbox rows, idempotency records, stream leases...).
        services.AddScoped<RetentionPruner>();
        if (context.WorkersEnabled)
        {
            services.AddHostedService<RetentionWorker>();
        }

        return services;
    }
}
