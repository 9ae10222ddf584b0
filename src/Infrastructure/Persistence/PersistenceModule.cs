using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Infrastructure.Configuration;
using NovaPulse.Infrastructure.Health;
using NovaPulse.Infrastructure.Idempotency;
using NovaPulse.Infrastructure.Persistence.Interceptors;

namespace NovaPulse.Infrastructure.Persistence;

/// <summary>
/// The database: the provider's pooled context behind <c>IAppDbContext</c>, the save interceptors (tenant stamp, audit,
/// outbox rows), idempotency records and the readiness check.
/// </summary>
public static class PersistenceModule
{
    public static IServiceCollection AddPersistence(this IServiceCollection services, ModuleContext context)
    {
        services.AddOptions<DatabaseOptions>().Bind(context.Configuration.GetSection(DatabaseOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<ISaveChangesInterceptor, TenantStampInterceptor>();
        services.AddSingleton<ISaveChangesInterceptor, AuditInterceptor>();
        services.AddSingleton<ISaveChangesInterceptor, OutboxInterceptor>();
        services.AddSingleton<CompanyRowPlaces>();

        var connectionString = context.Database.ConnectionString;
        switch (context.Database.Provider)
        {
            case DatabaseProvider.Sqlite:
                services.AddSingleton<SqliteWriteGate>();
                AddContext<SqliteAppDbContext>(services, (sp, o) => o.UseSqlite(connectionString).AddInterceptors(sp.GetRequiredService<SqliteWriteGate>()));
                break;
            case DatabaseProvider.PostgreSql:
                AddContext<PostgreSqlAppDbContext>(services, (_, o) => o.UseNpgsql(connectionString));
                break;
            case DatabaseProvider.SqlServer:
                AddContext<SqlServerAppDbContext>(services, (_, o) => o.UseSqlServer(connectionString));
                break;
            default:
                throw new OptionsValidationException(
                    "Database:Provider", typeof(DatabaseOptions), ["Database:Provider must be Sqlite, PostgreSql or SqlServer."]);
        }

        services.AddScoped<IIdempotencyStore, EfIdempotencyStore>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return services;
    }

    private static void AddContext<TContext>(IServiceCollection services, Action<IServiceProvider, DbContextOptionsBuilder> configure)
        where TContext : AppDbContext
    {
        // Pooled: options, interceptors and the context's internal services are built once, not per request (the
        // profile of a task list put a tenth of its CPU there). Each scope rents a context, names who acts through it and returns it once (see ScopedContext).
        services.AddPooledDbContextFactory<TContext>((sp, options) =>
        {
            configure(sp, options);
            options.AddInterceptors(sp.GetServices<ISaveChangesInterceptor>());
        });
        services.AddScoped<ScopedContext<TContext>>();
        services.AddScoped(sp => sp.GetRequiredService<ScopedContext<TContext>>().Context);
        services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<ScopedContext<TContext>>().Context);
        services.AddScoped<IAppDbContext>(sp => sp.GetRequiredService<ScopedContext<TContext>>().Context);
    }
}
