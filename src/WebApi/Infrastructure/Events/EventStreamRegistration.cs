using NovaPulse.Infrastructure.Configuration;

namespace NovaPulse.WebApi.Infrastructure.Events;

public static class EventStreamRegistration
{
    /// <summary>The server-sent event stream (<c>GET /events/stream</c>) and its settings.</summary>
    public static IServiceCollection AddEventStreaming(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EventStreamOptions>().Bind(configuration.GetSection(EventStreamOptions.SectionName)).ValidateSettings(EventStreamOptions.SectionName).ValidateOnStart();
        services.AddSingleton<EventStreamer>();
        services.AddSingleton<StreamAccessCheck>();
        return services;
    }
}
