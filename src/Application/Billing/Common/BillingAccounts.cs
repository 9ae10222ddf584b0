using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Domain.Billing;

namespace NovaPulse.Application.Billing.Common;

/// <summary>Finds (or starts) the caller's billing account and makes sure it has a Stripe customer.</summary>
public sealed class BillingAccounts(IAppDbContext db, IPaymentGateway gateway, TimeProvider clock)
{
    /// <summary>The company's account, tracked; a company that never touched billing gets one on first use.</summary>
    public async Task<CompanySubscription> GetOrStartAsync(Guid companyId, CancellationToken cancellationToken)
    {
        var account = await db.CompanySubscriptions.SingleOrDefaultAsync(s => s.CompanyId == companyId, cancellationToken);
        if (account is null)
        {
            account = CompanySubscription.Create(companyId, clock.GetUtcNow());
            db.CompanySubscriptions.Add(account);
        }

        return account;
    }

    /// <summary>
    /// The account with a Stripe customer, created (and saved) when missing. The provider call is idempotent per company,
    /// so a crash between creating the customer and saving it reuses the same customer on retry.
    /// </summary>
    public async Task<CompanySubscription> WithCustomerAsync(Guid companyId, Guid userId, CancellationToken cancellationToken)
    {
        RequireProvider();
        var account = await GetOrStartAsync(companyId, cancellationToken);
        if (account.StripeCustomerId is null)
        {
            var company = await db.Companies.SingleAsync(c => c.Id == companyId, cancellationToken);
            var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
            account.AttachCustomer(await gateway.CreateCustomerAsync(companyId, company.Name, email, cancellationToken), clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }

        return account;
    }

    public void RequireProvider()
    {
        if (!gateway.IsConfigured)
        {
            throw AppException.BillingNotConfigured();
        }
    }
}
