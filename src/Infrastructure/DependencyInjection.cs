using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Common.Options;
using NovaPulse.Infrastructure.Health;
using NovaPulse.Infrastructure.Idempotency;
using NovaPulse.Infrastructure.Identity;
using NovaPulse.Infrastructure.Persistence;
using NovaPulse.Infrastructure.Persistence.Interceptors;
using NovaPulse.Infrastructure.Security;
using NovaPulse.Infrastructure.Storage;
using NovaPulse.Infrastructure.Storage.Cloudinary;
using NovaPulse.Infrastructure.Uploads;
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
        AddUploads(services, configuration, environment, dataDirectory);

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

    private static void AddUploads(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment, string dataDirectory)
    {
        services.AddOptions<UploadSettings>().Bind(configuration.GetSection(UploadSettings.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .PostConfigure(o =>
            {
                if (string.IsNullOrEmpty(o.SigningKey) && !environment.IsProduction())
                {
                    o.SigningKey = DevelopmentKeyStore.GetOrCreate(dataDirectory, "upload-url-signing");
                }
            })
            .Validate(o => o.SigningKey.Length >= 32, "Storage:SigningKey is required (at least 32 characters); set NovaPulse__Storage__SigningKey.")
            .ValidateOnStart();
        services.AddOptions<CloudinaryOptions>().Bind(configuration.GetSection(CloudinaryOptions.SectionName));

        var storage = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        var cloudinary = configuration.GetSection(CloudinaryOptions.SectionName).Get<CloudinaryOptions>() ?? new CloudinaryOptions();
        switch (storage.Provider ?? (cloudinary.IsConfigured ? StorageProvider.Cloudinary : StorageProvider.LocalDisk))
        {
            case StorageProvider.Cloudinary:
                if (!cloudinary.IsConfigured)
                {
                    throw new OptionsValidationException(
                        "Cloudinary", typeof(CloudinaryOptions),
                        ["Cloudinary:CloudName, Cloudinary:ApiKey and Cloudinary:ApiSecret (or CLOUDINARY_CLOUD_NAME/API_KEY/API_SECRET) are required when Storage:Provider is Cloudinary."]);
                }

                services.AddHttpClient(CloudinaryFileStorage.HttpClientName).AddStandardResilienceHandler(o =>
                {
                    // Upload bodies are streams that cannot be replayed: retry only safe methods; the cleanup worker re-runs deletes.
                    o.Retry.DisableForUnsafeHttpMethods();
                    o.AttemptTimeout.Timeout = TimeSpan.FromMinutes(10);
                    o.TotalRequestTimeout.Timeout = TimeSpan.FromMinutes(20);
                    o.CircuitBreaker.SamplingDuration = TimeSpan.FromMinutes(20);
                });
                services.AddSingleton<IFileStorage, CloudinaryFileStorage>();
                break;
            default:
                var root = storage.LocalPath is { Length: > 0 } path ? Path.GetFullPath(path, dataDirectory) : Path.Combine(dataDirectory, "uploads");
                services.AddSingleton<IFileStorage>(new LocalDiskFileStorage(root));
                break;
        }

        services.AddSingleton<IUploadUrlSigner, HmacUploadUrlSigner>();
        services.AddSingleton<IThumbnailGenerator, SkiaThumbnailGenerator>();
        services.AddSingleton<IPlanLimits, ConfigurationPlanLimits>();
        services.AddScoped<UploadCleanup>();
        if (configuration.GetSection(WorkerOptions.SectionName).Get<WorkerOptions>()?.Enabled ?? true)
        {
            services.AddHostedService<UploadCleanupWorker>();
        }
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
