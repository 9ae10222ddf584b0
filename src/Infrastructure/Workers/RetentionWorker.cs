using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NovaPulse.Application.Common.Options;

namespace NovaPulse.Infrastructure.Workers;

/// <summary>Runs <see cref="RetentionPruner"/> every <c>Outbox:PruneInterval</c> (registered only when <c>Workers:Enabled</c>).</summary>
public sealed class RetentionWorker(
    IServiceScopeFactory scopes, IOptions<OutboxSettings> settings, TimeProvider clock, ILogger<RetentionWorker> logger)
    : PeriodicWorker(scopes, clock, logger)
{
    protected override TimeSpan Interval => settings.Value.PruneInterval;

    protected override Task RunPassAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<RetentionPruner>().RunOnceAsync(cancellationToken);
}
