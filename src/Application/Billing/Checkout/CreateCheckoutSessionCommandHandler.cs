using Mediator;
using Microsoft.Extensions.Options;
using NovaPulse.Application.Billing.Common;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Common.Security;

namespace NovaPulse.Application.Billing.Checkout;

public sealed class CreateCheckoutSessionCommandHandler(
    BillingAccounts accounts, PlanCatalog catalog, IPaymentGateway gateway, ICurrentUser currentUser,
    IOptionsMonitor<BillingOptions> options, ReturnUrlPolicy returnUrls)
    : ICommandHandler<CreateCheckoutSessionCommand, CheckoutSessionDto>
{
    public async ValueTask<CheckoutSessionDto> Handle(CreateCheckoutSessionCommand command, CancellationToken cancellationToken)
    {
        var plan = catalog.Find(command.PlanId) ?? throw AppException.NotFound("Plan", command.PlanId);
        if (!plan.IsPaid)
        {
            throw AppException.Conflict($"The {plan.Name} plan needs no payment.");
        }

        var companyId = currentUser.RequireCompanyId();
        accounts.RequireProvider();
        var account = await accounts.WithCustomerAsync(companyId, currentUser.RequireUserId(), cancellationToken);
        if (account.HasLiveSubscription)
        {
            throw AppException.Conflict("The company already has a subscription; change or cancel it in the customer portal.");
        }

        var session = await gateway.CreateCheckoutSessionAsync(
            new CheckoutRequest(
                companyId, plan.Id, account.StripeCustomerId!, CheckoutPrice.Of(plan), NullIfBlank(plan.StripeMeteredPriceId),
                returnUrls.RequestedOr(command.SuccessUrl, options.CurrentValue.SuccessUrl),
                returnUrls.RequestedOr(command.CancelUrl, options.CurrentValue.CancelUrl)),
            cancellationToken);
        return new CheckoutSessionDto(session.SessionId, session.Url);
    }

    // appsettings.json ships the price ids as "" so that they are easy to find and fill in.
    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
