using Mediator;
using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Billing.Common;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Common.Interfaces;

namespace NovaPulse.Application.Billing.Cancel;

public sealed class CancelSubscriptionCommandHandler(IAppDbContext db, BillingAccounts accounts, BillingSync sync, IPaymentGateway gateway, TimeProvider clock)
    : ICommandHandler<CancelSubscriptionCommand, SubscriptionStatusDto>
{
    public async ValueTask<SubscriptionStatusDto> Handle(CancelSubscriptionCommand command, CancellationToken cancellationToken)
    {
        var account = await db.CompanySubscriptions.SingleOrDefaultAsync(cancellationToken);
        if (account is not { HasLiveSubscription: true, StripeSubscriptionId: { } subscriptionId })
        {
            throw AppException.Conflict("The company has no active subscription to cancel.");
        }

        accounts.RequireProvider();
        var subscription = await gateway.CancelSubscriptionAsync(subscriptionId, command.AtPeriodEnd, cancellationToken);
        await sync.ApplySubscriptionAsync(subscription, clock.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new SubscriptionStatusDto(account.PlanId, account.Status, account.CurrentPeriodEnd, account.CancelAtPeriodEnd);
    }
}
