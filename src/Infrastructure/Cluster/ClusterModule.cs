using Microsoft.Extensions.DependencyInjection;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Infrastructure.Configuration;
using NovaPulse.Infrastructure.Persistence;

namespace NovaPulse.Infrastructure.Cluster;

/// <summary>
/// How hosts tell each other about work and evictions: PostgreSQL LISTEN/NOTIFY when the database is PostgreSQL, else
/// a single-host notifier (the others poll); and the local wake-ups of workers and event streams.
/// </summary>
public static class ClusterModule
{
    public static IServiceCollection AddCluster(this IServiceCollection services, ModuleContext context)
    {
        services.AddSingleton<EventStreamSignal>();
        services.AddSingleton<WakeUps>();
        if (context.Database.Provider == DatabaseProvider.PostgreSql)
        {
            // Every host listens (API hosts have event streams and caches too), whether or not it runs workers.
            var connectionString = context.Database.ConnectionString;
            services.AddSingleton(_ => new PostgreSqlChannel(connectionString));
            services.AddSingleton<PostgreSqlNotifier>();
            services.AddSingleton<IClusterBroadcast>(sp => sp.GetRequiredService<PostgreSqlNotifier>());
            services.AddSingleton<IClusterNotifier>(sp => sp.GetRequiredService<PostgreSqlNotifier>());
            services.AddHostedService(sp => sp.GetRequiredService<PostgreSqlNotifier>());
            services.AddHostedService<PostgreSqlNotificationListener>();
        }
        else
        {
            services.AddSingleton<IClusterBroadcast>(SingleHostNotifier.Instance);
            services.AddSingleton<IClusterNotifier>(SingleHostNotifier.Instance);
        }

        return services;
    }
}
