using Mediator;
using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Billing.Common;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Common.Security;
using NovaPulse.Application.Uploads.Common;

namespace NovaPulse.Application.Billing.Me;

public sealed class GetBillingQueryHandler(
    IAppDbContext db, ICurrentUser currentUser, PlanCatalog catalog, IPlanLimits planLimits, StorageQuota quota, IPaymentGateway gateway,
    TimeProvider clock)
    : IQueryHandler<GetBillingQuery, BillingDto>
{
    public const string ApiCallsMetric = "api_calls";

    public async ValueTask<BillingDto> Handle(GetBillingQuery query, CancellationToken cancellationToken)
    {
        var companyId = currentUser.RequireCompanyId();
        var plan = await PlanBackedLimits.CurrentPlanAsync(db, catalog, companyId, cancellationToken);
        var account = await db.CompanySubscriptions.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var uploads = await planLimits.GetUploadLimitsAsync(companyId, cancellationToken);

        var now = clock.GetUtcNow();
        var monthStart = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero);
        var usage = new UsageDto(
            await db.Users.CountAsync(cancellationToken),
            await db.Companies.Where(c => c.Id == companyId).Select(c => c.TaskCount).SingleAsync(cancellationToken),
            await quota.UsageAsync(companyId, excluding: null, cancellationToken),
            await db.UsageRecords.Where(r => r.Metric == ApiCallsMetric && r.Timestamp >= monthStart).SumAsync(r => (long?)r.Quantity, cancellationToken) ?? 0);
        var limits = PlanLimitsDto.From(plan.Limits) with { StorageBytes = uploads.StorageQuotaBytes, MaxUploadBytes = uploads.MaxUploadBytes };
        var paymentMethod = account?.PaymentMethodLast4 is { } last4 ? new PaymentMethodDto(account.PaymentMethodBrand, last4) : null;
        return new BillingDto(
            PlanDto.From(plan), account?.Status ?? "none", account?.CurrentPeriodEnd, account?.CancelAtPeriodEnd ?? false,
            usage, limits, paymentMethod, gateway.IsConfigured);
    }
}
