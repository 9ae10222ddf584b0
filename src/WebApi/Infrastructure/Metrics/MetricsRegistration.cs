using NovaPulse.Infrastructure.Configuration;

namespace NovaPulse.WebApi.Infrastructure.Metrics;

public static class MetricsRegistration
{
    /// <summary>Who may read <c>/metrics</c>: allowed networks and an optional bearer token, validated at start.</summary>
    public static IServiceCollection AddApiMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MetricsOptions>().Bind(configuration.GetSection(MetricsOptions.SectionName)).ValidateSettings(MetricsOptions.SectionName)
            .Validate(o => o.NetworksAreValid(), "Metrics:AllowedNetworks must list CIDR networks, e.g. 10.0.0.0/8 or ::1/128 (environment variables Metrics__AllowedNetworks__0, ...).")
            .Validate(o => o.TokenIsValid(), $"Metrics:BearerToken must be at least {MetricsOptions.MinimumTokenLength} characters without spaces, e.g. from openssl rand -hex 32 (environment variable Metrics__BearerToken).")
            .ValidateOnStart();
        services.AddSingleton<MetricsAccessPolicy>();
        return services;
    }
}
