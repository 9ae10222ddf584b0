using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Common.Options;
using NovaPulse.Infrastructure.Configuration;
using NovaPulse.Infrastructure.Security;
using NovaPulse.Infrastructure.Storage.Cloudinary;
using NovaPulse.Infrastructure.Workers;

namespace NovaPulse.Infrastructure.Storage;

/// <summary>
/// Uploaded files: the configured <c>IFileStorage</c> (local disk or Cloudinary), signed URLs, thumbnails, and the
/// cleanup worker.
/// </summary>
public static class StorageModule
{
    public static IServiceCollection AddStorage(this IServiceCollection services, ModuleContext context)
    {
        var (configuration, environment, dataDirectory) = (context.Configuration, context.Environment, context.DataDirectory);
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

        // Which storage is a registration decision, so it is read here (the bound options above serve everything else).
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
                // Built on first use, which creates its folders: registration touches no disk.
                services.AddSingleton<IFileStorage>(_ => new LocalDiskFileStorage(root, storage.DirectIo));
                break;
        }

        services.AddSingleton<IUploadUrlSigner, HmacUploadUrlSigner>();
        services.AddSingleton<IThumbnailGenerator, SkiaThumbnailGenerator>();
        if (context.WorkersEnabled)
        {
            services.AddHostedService<UploadCleanupWorker>();
        }

        return services;
    }
}
