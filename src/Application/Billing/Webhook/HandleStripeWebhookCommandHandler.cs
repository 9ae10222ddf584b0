using Mediator;
using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Billing.Common;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Domain.Billing;

namespace NovaPulse.Application.Billing.Webhook;

public sealed class HandleStripeWebhookCommandHandler(IAppDbContext db, IPaymentGateway gateway, BillingSync sync, TimeProvider clock)
    : ICommandHandler<HandleStripeWebhookCommand, StripeWebhookResult>
{
    public async ValueTask<StripeWebhookResult> Handle(HandleStripeWebhookCommand command, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(command.Signature))
        {
            throw AppException.BadRequest("missing_signature", "The Stripe-Signature header is required.");
        }

        if (!gateway.CanVerifyWebhooks)
        {
            throw AppException.BillingNotConfigured();
        }

        var stripeEvent = gateway.ParseWebhook(command.Payload, command.Signature);
        if (await db.StripeEvents.AnyAsync(e => e.Id == stripeEvent.Id, cancellationToken))
        {
            return new StripeWebhookResult(stripeEvent.Id, stripeEvent.Type, Duplicate: true);
        }

        var companyId = stripeEvent.Data switch
        {
            PaymentSubscription subscription => await sync.ApplySubscriptionAsync(subscription, stripeEvent.CreatedAt, cancellationToken),
            PaymentInvoice invoice => await sync.ApplyInvoiceAsync(invoice, stripeEvent.Type == "invoice.payment_failed", cancellationToken),
            PaymentCheckoutCompleted checkout => await sync.ApplyCheckoutAsync(checkout, stripeEvent.CreatedAt, cancellationToken),
            _ => null,
        };
        db.StripeEvents.Add(StripeEventRecord.Create(stripeEvent.Id, stripeEvent.Type, companyId, stripeEvent.CreatedAt, clock.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same event, delivered twice at once, was committed by the other request; this one's effects rolled back.
            if (await IsRecordedAsync(stripeEvent.Id))
            {
                return new StripeWebhookResult(stripeEvent.Id, stripeEvent.Type, Duplicate: true);
            }

            throw;
        }

        return new StripeWebhookResult(stripeEvent.Id, stripeEvent.Type, Duplicate: false);
    }

    private async Task<bool> IsRecordedAsync(string eventId)
    {
        // A fresh look past this context's failed, still tracked changes.
        db.ChangeTracker.Clear();
        return await db.StripeEvents.AnyAsync(e => e.Id == eventId, CancellationToken.None);
    }
}
