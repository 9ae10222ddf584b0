using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NovaPulse.Application.Billing.Common;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Common.Interfaces;

namespace NovaPulse.Application.Billing.Reconcile;

/// <summary>
/// Re-reads every customer's subscription and recent invoices from Stripe and applies them, repairing whatever a lost
/// or failed webhook missed. Applying is idempotent (same state, no change, no event), so running it often is safe.
/// </summary>
public sealed partial class BillingReconciler(
    IAppDbContext db, IPaymentGateway gateway, BillingSync sync, IOptionsMonitor<BillingOptions> options, TimeProvider clock,
    ILogger<BillingReconciler> logger)
{
    /// <summary>Returns how many companies were brought up to date; one failing company does not stop the others.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        if (!gateway.IsConfigured)
        {
            return 0;
        }

        var customers = await db.CompanySubscriptions.IgnoreQueryFilters().AsNoTracking()
            .Where(s => s.StripeCustomerId != null)
            .OrderBy(s => s.CompanyId)
            .Select(s => s.StripeCustomerId!)
            .ToListAsync(cancellationToken);
        var synced = 0;
        foreach (var customerId in customers)
        {
            try
            {
                await ReconcileAsync(customerId, cancellationToken);
                synced++;
            }
            catch (AppException e) when (e.Kind is ErrorKind.ProviderFailed or ErrorKind.ProviderUnavailable)
            {
                LogFailed(e, customerId);
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }

        return synced;
    }

    private async Task ReconcileAsync(string customerId, CancellationToken cancellationToken)
    {
        var subscriptions = await gateway.ListSubscriptionsAsync(customerId, cancellationToken);
        if (subscriptions.Count > 0)
        {
            await sync.ApplySubscriptionAsync(subscriptions[0], clock.GetUtcNow(), cancellationToken);
        }

        foreach (var invoice in await gateway.ListRecentInvoicesAsync(customerId, options.CurrentValue.ReconcileInvoiceCount, cancellationToken))
        {
            await sync.ApplyInvoiceAsync(invoice, paymentFailed: false, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(LogLevel.Warning, "Reconciling Stripe customer {CustomerId} failed; retrying at the next pass")]
    private partial void LogFailed(Exception exception, string customerId);
}
