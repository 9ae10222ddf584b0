using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using NovaPulse.Application.Billing.Common;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Common.Options;
using NovaPulse.Application.Integrations.Common;
using NovaPulse.Application.Integrations.Notify;
using NovaPulse.Application.Webhooks.Common;
using NovaPulse.Infrastructure.Billing;
using NovaPulse.Infrastructure.Cluster;
using NovaPulse.Infrastructure.Configuration;
using NovaPulse.Infrastructure.Health;
using NovaPulse.Infrastructure.Idempotency;
using NovaPulse.Infrastructure.Identity;
using NovaPulse.Infrastructure.Integrations;
using NovaPulse.Infrastructure.Outbox;
using NovaPulse.Infrastructure.Persistence;
using NovaPulse.Infrastructure.Persistence.Claims;
using NovaPulse.Infrastructure.Persistence.Interceptors;
using NovaPulse.Infrastructure.Redis;
using NovaPulse.Infrastructure.Security;
using NovaPulse.Infrastructure.Security.DataProtection;
using NovaPulse.Infrastructure.Storage;
using NovaPulse.Infrastructure.Storage.Cloudinary;
using NovaPulse.Infrastructure.Webhooks;
using NovaPulse.Infrastructure.Workers;
using Polly;
using Polly.Retry;

namespace NovaPulse.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var dataDirectory = DataDirectory(configuration, environment);
        services.AddSingleton(TimeProvider.System);

        services.AddOptions<AuthSettings>().Bind(configuration.GetSection(AuthSettings.SectionName)).ValidateSettings(AuthSettings.SectionName).ValidateOnStart();
        services.AddOptions<JwtOptions>()
            .Bind(configuration.GetSection(JwtOptions.SectionName))
            .PostConfigure(o =>
            {
                if (string.IsNullOrEmpty(o.SigningKey) && !environment.IsProduction())
                {
                    o.SigningKey = DevelopmentKeyStore.GetOrCreate(dataDirectory, "jwt-signing");
                }
            })
            .ValidateSettings(JwtOptions.SectionName)
            .ValidateOnStart();

        AddPersistence(services, configuration, dataDirectory);
        services.AddRedis(configuration);
        services.AddOptions<WorkerOptions>().Bind(configuration.GetSection(WorkerOptions.SectionName));
        AddUploads(services, configuration, environment, dataDirectory);
        AddSecrets(services, configuration, environment, dataDirectory);
        AddWebhooks(services, configuration);
        AddBilling(services, configuration);
        AddIntegrations(services, configuration);

        services.AddSingleton<IPasswordHasher, IdentityPasswordHasher>();
        services.AddSingleton<IAccessTokenIssuer, JwtAccessTokenIssuer>();
        services.AddScoped<IIdempotencyStore, EfIdempotencyStore>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return services;
    }

    private static void AddSecrets(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment, string dataDirectory)
    {
        services.AddOptions<SecretsOptions>()
            .Bind(configuration.GetSection(SecretsOptions.SectionName))
            .PostConfigure(o =>
            {
                // The issue-era names: Integrations:EncryptionKeys (current first) and the seed's INTEGRATION_ENCRYPTION_KEY.
                var versioned = configuration.GetSection("Integrations:EncryptionKeys").Get<string[]>() ?? [];
                if (string.IsNullOrWhiteSpace(o.EncryptionKey))
                {
                    o.EncryptionKey = versioned.FirstOrDefault() ?? configuration["Integrations:EncryptionKey"] ?? "";
                    versioned = [.. versioned.Skip(1)];
                }

                o.PreviousKeys = [.. o.PreviousKeys, .. versioned];
                if (string.IsNullOrWhiteSpace(o.EncryptionKey) && !environment.IsProduction())
                {
                    // The store holds 48 random bytes; the first 32 are this key.
                    var generated = Convert.FromBase64String(DevelopmentKeyStore.GetOrCreate(dataDirectory, "secrets-encryption"));
                    o.EncryptionKey = Convert.ToBase64String(generated.AsSpan(0, 32));
                }
            })
            .Validate(
                o => !string.IsNullOrWhiteSpace(o.EncryptionKey),
                "Secrets:EncryptionKey is required in Production: set the environment variable Secrets__EncryptionKey (or INTEGRATION_ENCRYPTION_KEY) to the base64 of 32 random bytes (openssl rand -base64 32).")
            .Validate(
                o => string.IsNullOrWhiteSpace(o.EncryptionKey) || AesGcmSecretProtector.IsValidKey(o.EncryptionKey),
                "Secrets:EncryptionKey must be a 256-bit key: the base64 of 32 random bytes (or 64 hex digits).")
            .Validate(o => o.PreviousKeys.All(AesGcmSecretProtector.IsValidKey), "Secrets:PreviousKeys must each be a 256-bit key (base64 of 32 bytes).")
            .ValidateOnStart();
        services.AddSingleton<ISecretProtector, AesGcmSecretProtector>();
        services.AddScoped<SecretRotation>();

        // One key ring for every host on the database (dashboard cookies, antiforgery tokens): a shared application
        // name instead of the default (the content root path, which differs between machines), keys in the database
        // and sealed with Secrets:EncryptionKey at rest.
        services.AddDataProtection().SetApplicationName(DataProtectionKeyRing.ApplicationName).PersistKeysToDbContext<AppDbContext>();
        services.AddOptions<KeyManagementOptions>().Configure<ISecretProtector>((options, protector) => options.XmlEncryptor = new SecretProtectorXmlEncryptor(protector));
    }

    private static void AddIntegrations(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IntegrationOptions>()
            .Bind(configuration.GetSection(IntegrationOptions.SectionName))
            .PostConfigure(o => o.FrontendUrl = configuration["FrontendUrl"] is { Length: > 0 } frontend ? frontend : o.FrontendUrl)
            .Validate(o => o.TimeoutSeconds is >= 1 and <= 120, "Integrations:TimeoutSeconds must be between 1 and 120.")
            .Validate(o => Uri.TryCreate(o.FrontendUrl, UriKind.Absolute, out _), "FrontendUrl (FRONTEND_URL) must be an absolute URL.")
            .ValidateOnStart();
        services.AddOptions<NotificationOptions>()
            .Bind(configuration.GetSection(NotificationOptions.SectionName))
            .ValidateSettings(NotificationOptions.SectionName)
            .ValidateOnStart();
        services.AddKeyedSingleton<WorkSignal>(WorkSignal.Notifications);
        services.AddOptions<GoogleOptions>().Bind(configuration.GetSection(GoogleOptions.SectionName));
        services.AddSingleton<IEmailSender, MailKitEmailSender>();
        services.AddSingleton<ISlackClient, SlackWebhookClient>();
        services.AddSingleton<IGoogleOAuthClient, GoogleOAuthClient>();

        services.AddHttpClient(SlackWebhookClient.ClientName)
            // The URL is the credential: no request logging, and no logging scope carrying it into Polly's or our logs.
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(GuardedHandler)
            .AddResilienceHandler("slack", (pipeline, context) =>
            {
                var integrations = context.ServiceProvider.GetRequiredService<IOptions<IntegrationOptions>>().Value;
                pipeline
                    // Incoming webhooks take no idempotency key: retry only answers that say nothing was posted (5xx),
                    // never a timeout, after which the message may well be in the channel.
                    .AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = integrations.SlackRetries,
                        Delay = integrations.SlackRetryDelay,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { StatusCode: >= System.Net.HttpStatusCode.InternalServerError }),
                    })
                    .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                    {
                        FailureRatio = 0.5,
                        MinimumThroughput = integrations.CircuitBreakerMinimumThroughput,
                        SamplingDuration = TimeSpan.FromSeconds(30),
                        BreakDuration = integrations.CircuitBreakDuration,
                    });
                // The time limit is the client's wall-clock budget for the whole send (SlackWebhookClient), retries included.
            })
            .SelectPipelineByAuthority();
        if (configuration.GetSection(WorkerOptions.SectionName).Get<WorkerOptions>()?.Enabled ?? true)
        {
            services.AddHostedService<IntegrationNotificationWorker>();
        }

        services.AddHttpClient(GoogleOAuthClient.ClientName, client => client.DefaultRequestHeaders.Accept.ParseAdd("application/json"))
            .AddStandardResilienceHandler(o =>
            {
                // Token requests carry single-use codes: retry only the safe GET (userinfo).
                o.Retry.DisableForUnsafeHttpMethods();
                o.AttemptTimeout.Timeout = TimeSpan.FromSeconds(10);
                o.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(30);
            });
    }

    private static void AddWebhooks(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.SectionName)).ValidateSettings(WebhookOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IWebhookTargetGuard, WebhookTargetGuard>();
        services.AddScoped<IWebhookSender, HttpWebhookSender>();
        services.AddOptions<OutboxSettings>().Bind(configuration.GetSection(OutboxSettings.SectionName)).ValidateSettings(OutboxSettings.SectionName).ValidateOnStart();
        services.AddScoped<RetentionPruner>();
        services.AddKeyedSingleton<WorkSignal>(WorkSignal.Outbox);
        services.AddKeyedSingleton<WorkSignal>(WorkSignal.Deliveries);
        services.AddSingleton<EventStreamSignal>();
        services.AddSingleton<WakeUps>();
        services.AddSingleton<IWorkClaimer>(sp => sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider switch
        {
            DatabaseProvider.PostgreSql => new PostgreSqlWorkClaimer(),
            DatabaseProvider.SqlServer => new SqlServerWorkClaimer(),
            _ => new SqliteWorkClaimer(),
        });

        services.AddHttpClient(HttpWebhookSender.ClientName, (sp, client) =>
            {
                // A backstop only: the resilience pipeline's timeout is the per-attempt limit.
                client.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<WebhookOptions>>().Value.TimeoutSeconds + 5);
            })
            .ConfigurePrimaryHttpMessageHandler(GuardedHandler)
            .AddResilienceHandler("webhook-delivery", (pipeline, context) =>
            {
                var webhooks = context.ServiceProvider.GetRequiredService<IOptions<WebhookOptions>>().Value;
                // No retry strategy on purpose: every attempt is recorded and the delivery schedule decides the next one.
                pipeline
                    .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                    {
                        FailureRatio = 0.5,
                        MinimumThroughput = webhooks.CircuitBreakerMinimumThroughput,
                        SamplingDuration = TimeSpan.FromSeconds(30),
                        BreakDuration = TimeSpan.FromSeconds(30),
                    })
                    .AddTimeout(TimeSpan.FromSeconds(webhooks.TimeoutSeconds));
            })
            .SelectPipelineByAuthority();

        if (configuration.GetSection(WorkerOptions.SectionName).Get<WorkerOptions>()?.Enabled ?? true)
        {
            services.AddHostedService<OutboxProcessor>();
            services.AddHostedService<WebhookDeliveryWorker>();
            services.AddHostedService<RetentionWorker>();
        }
    }

    private static void AddBilling(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BillingOptions>()
            .Bind(configuration.GetSection(BillingOptions.SectionName))
            .ValidateSettings(BillingOptions.SectionName)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<BillingOptions>, BillingOptionsValidator>();
        services.AddOptions<StripeOptions>().Bind(configuration.GetSection(StripeOptions.SectionName)).ValidateSettings(StripeOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IPaymentGateway, StripePaymentGateway>();
        services.AddHttpClient(StripePaymentGateway.HttpClientName, (sp, client) =>
            {
                // The per-attempt limit: Stripe.net retries a timed-out attempt with the same idempotency key.
                client.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<StripeOptions>>().Value.TimeoutSeconds);
            })
            .AddResilienceHandler("stripe", (pipeline, context) =>
            {
                // No retry strategy here: Stripe.net retries itself, reusing the Idempotency-Key.
                var stripe = context.ServiceProvider.GetRequiredService<IOptions<StripeOptions>>().Value;
                pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                {
                    FailureRatio = 0.5,
                    MinimumThroughput = stripe.CircuitBreakerMinimumThroughput,
                    SamplingDuration = TimeSpan.FromSeconds(30),
                    BreakDuration = stripe.CircuitBreakerBreakDuration,
                });
            });

        if (configuration.GetSection(WorkerOptions.SectionName).Get<WorkerOptions>()?.Enabled ?? true)
        {
            services.AddHostedService<UsageReportWorker>();
            services.AddHostedService<BillingReconcileWorker>();
        }
    }

    /// <summary>
    /// For customer-supplied URLs (webhook endpoints, Slack incoming webhooks): no redirects, cookies or proxy, and every
    /// connection checked by the SSRF guard (private targets only where <c>Webhooks:AllowPrivateTargets</c> allows).
    /// </summary>
    private static SocketsHttpHandler GuardedHandler(IServiceProvider services)
    {
        var allowPrivate = services.GetRequiredService<IOptions<WebhookOptions>>().Value.AllowPrivateTargets;
        return new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectTimeout = TimeSpan.FromSeconds(10),
            ConnectCallback = (context, cancellationToken) => WebhookTargetGuard.ConnectAsync(context, allowPrivate, cancellationToken),
        };
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
        services.AddOptions<UploadSettings>().Bind(configuration.GetSection(UploadSettings.SectionName)).ValidateSettings(UploadSettings.SectionName).ValidateOnStart();
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .PostConfigure(o =>
            {
                if (string.IsNullOrEmpty(o.SigningKey) && !environment.IsProduction())
                {
                    o.SigningKey = DevelopmentKeyStore.GetOrCreate(dataDirectory, "upload-url-signing");
                }
            })
            .Validate(
                o => o.SigningKey.Length > 0,
                "Storage:SigningKey is required in Production: set the environment variable Storage__SigningKey (at least 32 characters).")
            .Validate(
                o => o.SigningKey.Length is 0 or >= 32,
                "Storage:SigningKey must be at least 32 characters: set the environment variable Storage__SigningKey to a longer secret.")
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
                        ["Cloudinary:CloudName, Cloudinary:ApiKey and Cloudinary:ApiSecret are required when Storage:Provider is Cloudinary: set the environment variables CLOUDINARY_CLOUD_NAME, CLOUDINARY_API_KEY and CLOUDINARY_API_SECRET (or Cloudinary__CloudName, ...)."]);
                }

                services.AddHttpClient(CloudinaryFileStorage.HttpClientName).AddStandardResilienceHandler(o =>
                {
                    // Upload bodies are streams that cannot be replayed: retry only safe methods; the cleanup worker re-runs deletes.
                    o.Retry.DisableForUnsafeHttpMethods();
                    o.AttemptTimeout.Timeout = cloudinary.RequestTimeout;
                    o.TotalRequestTimeout.Timeout = cloudinary.RequestTimeout * 2;
                    // The handler requires a sampling window of at least two attempt timeouts.
                    o.CircuitBreaker.SamplingDuration = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(30).Ticks, (cloudinary.RequestTimeout * 2).Ticks));
                    o.CircuitBreaker.MinimumThroughput = cloudinary.CircuitBreakerMinimumThroughput;
                    o.CircuitBreaker.BreakDuration = cloudinary.CircuitBreakerBreakDuration;
                });
                services.AddSingleton<IFileStorage, CloudinaryFileStorage>();
                break;
            default:
                var root = storage.LocalPath is { Length: > 0 } path ? Path.GetFullPath(path, dataDirectory) : Path.Combine(dataDirectory, "uploads");
                services.AddSingleton<IFileStorage>(new LocalDiskFileStorage(root, storage.DirectIo));
                break;
        }

        services.AddSingleton<IUploadUrlSigner, HmacUploadUrlSigner>();
        services.AddSingleton<IThumbnailGenerator, SkiaThumbnailGenerator>();
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
                    [$"ConnectionStrings:Default is required when Database:Provider is {database.Provider}: set the environment variable ConnectionStrings__Default."]);
        }

        services.AddSingleton<ISaveChangesInterceptor, TenantStampInterceptor>();
        services.AddSingleton<ISaveChangesInterceptor, AuditInterceptor>();
        services.AddSingleton<ISaveChangesInterceptor, OutboxInterceptor>();

        switch (database.Provider)
        {
            case DatabaseProvider.Sqlite:
                AddContext<SqliteAppDbContext>(services, o => o.UseSqlite(connectionString));
                AddSingleHostNotifier(services);
                break;
            case DatabaseProvider.PostgreSql:
                AddContext<PostgreSqlAppDbContext>(services, o => o.UseNpgsql(connectionString));
                AddNotifications(services, connectionString);
                break;
            case DatabaseProvider.SqlServer:
                AddContext<SqlServerAppDbContext>(services, o => o.UseSqlServer(connectionString));
                AddSingleHostNotifier(services);
                break;
            default:
                throw new OptionsValidationException(
                    "Database:Provider", typeof(DatabaseOptions), ["Database:Provider must be Sqlite, PostgreSql or SqlServer."]);
        }
    }

    /// <summary>
    /// PostgreSQL LISTEN/NOTIFY between the hosts: wake-ups and access cache evictions. Every host listens (API hosts
    /// have event streams and caches too), whether or not it runs workers.
    /// </summary>
    private static void AddNotifications(IServiceCollection services, string connectionString)
    {
        services.AddSingleton(_ => new PostgreSqlChannel(connectionString));
        services.AddSingleton<PostgreSqlNotifier>();
        services.AddSingleton<IClusterBroadcast>(sp => sp.GetRequiredService<PostgreSqlNotifier>());
        services.AddSingleton<IClusterNotifier>(sp => sp.GetRequiredService<PostgreSqlNotifier>());
        services.AddHostedService(sp => sp.GetRequiredService<PostgreSqlNotifier>());
        services.AddHostedService<PostgreSqlNotificationListener>();
    }

    private static void AddSingleHostNotifier(IServiceCollection services)
    {
        services.AddSingleton<IClusterBroadcast>(SingleHostNotifier.Instance);
        services.AddSingleton<IClusterNotifier>(SingleHostNotifier.Instance);
    }

    private static void AddContext<TContext>(IServiceCollection services, Action<DbContextOptionsBuilder> configure)
        where TContext : AppDbContext
    {
        // Pooled: options, interceptors and the context's internal services are built once, not per request (the
        // profile of a task list put a tenth of its CPU there). Each scope rents a context and names who acts through it.
        services.AddPooledDbContextFactory<TContext>((sp, options) =>
        {
            configure(options);
            options.AddInterceptors(sp.GetServices<ISaveChangesInterceptor>());
        });
        services.AddScoped(sp =>
        {
            var context = sp.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext();
            context.CurrentUser = sp.GetRequiredService<ICurrentUser>();
            return context;
        });
        services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<TContext>());
        services.AddScoped<IAppDbContext>(sp => sp.GetRequiredService<TContext>());
    }
}
