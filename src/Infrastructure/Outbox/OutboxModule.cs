using Microsoft.Extensions.DependencyInjection;
using NovaPulse.Application.Common.Options;
using NovaPulse.Infrastructure.Configuration;
using NovaPulse.Infrastructure.Workers;

namespace NovaPulse.Infrastructure.Outbox;

/// <summary>
/// The transactional outbox: its settings, the processor that hands committed events to every registered
/// <c>IOutboxEventConsumer</c> (each module registers its own), and the retention pass that prunes what it processed.
/// </summary>
public static class OutboxModule
{
    public static IServiceCollection AddOutbox(this IServiceCollection services, ModuleContext context)
    {
        services.AddOptions<OutboxSettings>()
            .Bind(context.Configuration.GetSection(OutboxSettings.SectionName))
            .PostConfigure(o => LegacySettingNames.Apply(o, context.Configuration))
            .ValidateSettings(OutboxSettings.SectionName)
            .ValidateOnStart();
        services.AddKeyedSingleton<WorkSignal>(WorkSignal.Outbox);
        services.AddScoped<RetentionPruner>();
        if (context.WorkersEnabled)
        {
            services.AddHostedService<OutboxProcessor>();
            services.AddHostedService<RetentionWorker>();
        }

        return services;
    }
}
