using FluentValidation;
using NovaPulse.Application.Billing.Common;

namespace NovaPulse.Application.Billing.Portal;

public sealed class CreatePortalSessionCommandValidator : AbstractValidator<CreatePortalSessionCommand>
{
    public CreatePortalSessionCommandValidator(ReturnUrlPolicy returnUrls) => RuleFor(c => c.ReturnUrl).ReturnUrl(returnUrls);
}
