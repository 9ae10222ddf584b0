using FluentValidation;
using NovaPulse.Application.Billing.Common;

namespace NovaPulse.Application.Billing.Checkout;

public sealed class CreateCheckoutSessionCommandValidator : AbstractValidator<CreateCheckoutSessionCommand>
{
    public CreateCheckoutSessionCommandValidator(PlanCatalog catalog, ReturnUrlPolicy returnUrls)
    {
        RuleFor(c => c.PlanId).NotEmpty().MaximumLength(64)
            .Must(id => catalog.Find(id) is not null).WithMessage("Unknown plan; GET /billing/plans lists them.");
        RuleFor(c => c.SuccessUrl).ReturnUrl(returnUrls);
        RuleFor(c => c.CancelUrl).ReturnUrl(returnUrls);
    }
}
