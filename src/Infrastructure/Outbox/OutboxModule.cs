using Microsoft.Extensions.DependencyInjection;
using NovaPulse.Application.Common.Options;
using NovaPulse.Infrastructure.Configuration;
using NovaPulse.Infrastructure.Workers;

namespace NovaPulse.Infrastructure.Outbox;

/// <summary>
/// The transactional outbox: its settings, the processor that hands committed events to every registered
/// <c>IOutboxEventConsumer</c> (each module registers its own). Pruning processed rows is the Workers area's retention pass.
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
        if (context.WorkersEnabled)
        {
            services.AddHostedService<OutboxProcessor>();
        }

        return services;
    }
}
