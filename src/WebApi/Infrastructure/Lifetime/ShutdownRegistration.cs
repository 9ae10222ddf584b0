using Microsoft.Extensions.Options;
using NovaPulse.Infrastructure.Configuration;

namespace NovaPulse.WebApi.Infrastructure.Lifetime;

public static class ShutdownRegistration
{
    /// <summary>Draining on stop: readiness turns 503 first, then the host waits up to <c>Shutdown:Timeout</c>.</summary>
    public static IServiceCollection AddGracefulShutdown(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ShutdownOptions>().Bind(configuration.GetSection(ShutdownOptions.SectionName)).ValidateSettings(ShutdownOptions.SectionName).ValidateOnStart();
        services.AddOptions<HostOptions>().Configure<IOptions<ShutdownOptions>>((host, shutdown) => host.ShutdownTimeout = shutdown.Value.Timeout);
        services.AddHostedService<DrainOnShutdown>();
        services.AddHealthChecks().AddCheck<ShutdownHealthCheck>("shutdown", tags: ["ready"]);
        return services;
    }
}
