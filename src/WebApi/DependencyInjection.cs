using NovaPulse.Dashboard.Auth;
using NovaPulse.WebApi.Infrastructure;
using NovaPulse.WebApi.Infrastructure.Auth;
using NovaPulse.WebApi.Infrastructure.Errors;
using NovaPulse.WebApi.Infrastructure.Events;
using NovaPulse.WebApi.Infrastructure.Http;
using NovaPulse.WebApi.Infrastructure.Lifetime;
using NovaPulse.WebApi.Infrastructure.Metrics;
using NovaPulse.WebApi.Infrastructure.OpenApi;
using NovaPulse.WebApi.Infrastructure.RateLimiting;

namespace NovaPulse.WebApi;

/// <summary>The host's services, one <c>Add*</c> per area, each in a file beside the code it wires.</summary>
public static class DependencyInjection
{
    public const string AuthRateLimitPolicy = DashboardAuthentication.SignInRateLimitPolicy;
    public const string ProbeRateLimitPolicy = RateLimitingRegistration.ProbePolicy;
    public const string CorsPolicy = HttpRegistration.CorsPolicy;

    public static IServiceCollection AddWebApi(this IServiceCollection services, IConfiguration configuration) => services
        .AddUseCasePipeline()
        .AddHttpEdge(configuration)
        .AddApiErrors()
        .AddApiAuthentication()
        .AddApiRateLimiting(configuration)
        .AddApiMetrics(configuration)
        .AddGracefulShutdown(configuration)
        .AddEventStreaming(configuration)
        .AddApiDocument();
}
