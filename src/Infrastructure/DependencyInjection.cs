using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Common.Options;
using NovaPulse.Infrastructure.Health;
using NovaPulse.Infrastructure.Idempotency;
using NovaPulse.Infrastructure.Identity;
using NovaPulse.Infrastructure.Persistence;
using NovaPulse.Infrastructure.Persistence.Interceptors;
using NovaPulse.Infrastructure.Security;
using NovaPulse.Infrastructure.Workers;

namespace NovaPulse.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var dataDirectory = DataDirectory(configuration, environment);
        services.AddSingleton(TimeProvider.System);

        services.AddOptions<AuthSettings>().Bind(configuration.GetSection(AuthSettings.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<JwtOptions>()
            .Bind(configuration.GetSection(JwtOptions.SectionName))
            .PostConfigure(o =>
            {
                if (string.IsNullOrEmpty(o.SigningKey) && !environment.IsProduction())
                {
                    o.SigningKey = DevelopmentKeyStore.GetOrCreate(dataDirectory, "jwt-signing");
                }
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();

        AddPersistence(services, configuration, dataDirectory);
        services.AddOptions<WorkerOptions>().Bind(configuration.GetSection(WorkerOptions.SectionName));

        services.AddSingleton<IPasswordHasher, IdentityPasswordHasher>();
        services.AddSingleton<IAccessTokenIssuer, JwtAccessTokenIssuer>();
        services.AddScoped<IIdempotencyStore, EfIdempotencyStore>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return services;
    }

    /// <summary>Where local state lives (SQLite file, generated development keys): <c>DataDirectory</c>, default <c>./data</c>.</summary>
    public static string DataDirectory(IConfiguration configuration, IHostEnvironment environment)
    {
        var path = configuration["DataDirectory"] is { Length: > 0 } configured ? configured : "data";
        var full = Path.GetFullPath(path, Directory.GetCurrentDirectory());
        Directory.CreateDirectory(full);
        return full;
    }

    private static void AddPersistence(IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        var section = configuration.GetSection(DatabaseOptions.SectionName);
        services.AddOptions<DatabaseOptions>().Bind(section).ValidateOnStart();
        var database = section.Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = configuration.GetConnectionString("Default");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = database.Provider == DatabaseProvider.Sqlite
                ? $"Data Source={Path.Combine(dataDirectory, "novapulse.db")}"
                : throw new OptionsValidationException(
                    "ConnectionStrings:Default", typeof(DatabaseOptions),
                    [$"ConnectionStrings:Default is required when Database:Provider is {database.Provider}."]);
        }

        services.AddScoped<ISaveChangesInterceptor, TenantStampInterceptor>();
        services.AddScoped<ISaveChangesInterceptor, AuditInterceptor>();
        services.AddScoped<ISaveChangesInterceptor, OutboxInterceptor>();

        switch (database.Provider)
        {
            case DatabaseProvider.Sqlite:
                AddContext<SqliteAppDbContext>(services, o => o.UseSqlite(connectionString));
                break;
            case DatabaseProvider.PostgreSql:
                AddContext<PostgreSqlAppDbContext>(services, o => o.UseNpgsql(connectionString));
                break;
            case DatabaseProvider.SqlServer:
                AddContext<SqlServerAppDbContext>(services, o => o.UseSqlServer(connectionString));
                break;
            default:
                throw new OptionsValidationException(
                    "Database:Provider", typeof(DatabaseOptions), ["Database:Provider must be Sqlite, PostgreSql or SqlServer."]);
        }
    }

    private static void AddContext<TContext>(IServiceCollection services, Action<DbContextOptionsBuilder> configure)
        where TContext : AppDbContext
    {
        services.AddDbContext<TContext>((sp, options) =>
        {
            configure(options);
            options.AddInterceptors(sp.GetServices<ISaveChangesInterceptor>());
        });
        services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<TContext>());
        services.AddScoped<IAppDbContext>(sp => sp.GetRequiredService<TContext>());
    }
}
