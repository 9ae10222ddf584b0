using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NovaPulse.Application.Billing.Common;
using NovaPulse.Application.Billing.Reconcile;

namespace NovaPulse.Infrastructure.Workers;

/// <summary>Runs <see cref="BillingReconciler"/> every <c>Billing:ReconcileInterval</c> (registered only when <c>Workers:Enabled</c>).</summary>
public sealed class BillingReconcileWorker(
    IServiceScopeFactory scopes, IOptions<BillingOptions> options, TimeProvider clock, ILogger<BillingReconcileWorker> logger)
    : PeriodicWorker(scopes, clock, logger)
{
    protected override TimeSpan Interval => options.Value.ReconcileInterval;

    protected override Task RunPassAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<BillingReconciler>().RunOnceAsync(cancellationToken);
}
