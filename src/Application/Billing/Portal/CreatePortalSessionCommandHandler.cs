using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NovaPulse.Application.Billing.Common;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Common.Interfaces;

namespace NovaPulse.Application.Billing.Portal;

public sealed class CreatePortalSessionCommandHandler(
    IAppDbContext db, BillingAccounts accounts, IPaymentGateway gateway, IOptionsMonitor<BillingOptions> options, ReturnUrlPolicy returnUrls)
    : ICommandHandler<CreatePortalSessionCommand, PortalSessionDto>
{
    public async ValueTask<PortalSessionDto> Handle(CreatePortalSessionCommand command, CancellationToken cancellationToken)
    {
        var customerId = await db.CompanySubscriptions.Select(s => s.StripeCustomerId).SingleOrDefaultAsync(cancellationToken)
            ?? throw AppException.Conflict("The company has no billing account yet; subscribe to a plan first.");
        accounts.RequireProvider();
        var url = await gateway.CreatePortalSessionAsync(customerId, returnUrls.RequestedOr(command.ReturnUrl, options.CurrentValue.PortalReturnUrl), cancellationToken);
        return new PortalSessionDto(url);
    }
}
