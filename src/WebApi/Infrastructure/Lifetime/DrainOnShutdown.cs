using Microsoft.Extensions.Options;

namespace NovaPulse.WebApi.Infrastructure.Lifetime;

/// <summary>
/// Holds the host's shutdown for <see cref="ShutdownOptions.DrainDelay"/> before any service stops: the stopping hooks
/// of every lifecycle service run before Kestrel's stop, so requests keep being answered while <c>/health/ready</c>
/// (see <see cref="ShutdownHealthCheck"/>) tells the load balancer to send no more.
/// </summary>
public sealed class DrainOnShutdown(IOptions<ShutdownOptions> options) : IHostedLifecycleService
{
    public Task StoppingAsync(CancellationToken cancellationToken) =>
        options.Value.DrainDelay > TimeSpan.Zero ? Task.Delay(options.Value.DrainDelay, cancellationToken) : Task.CompletedTask;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
