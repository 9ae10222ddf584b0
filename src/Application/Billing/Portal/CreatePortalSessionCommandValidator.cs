using FluentValidation;
using NovaPulse.Application.Billing.Common;

namespace NovaPulse.Application.Billing.Portal;

public sealed class CreatePortalSessionCommandValidator : AbstractValidator<CreatePortalSessionCommand>
{
    public CreatePortalSessionCommandValidator() => RuleFor(c => c.ReturnUrl).ReturnUrl();
}
