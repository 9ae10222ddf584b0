using FluentValidation;

namespace NovaPulse.Application.Integrations.CompleteGoogle;

public sealed class CompleteGoogleAuthorizationCommandValidator : AbstractValidator<CompleteGoogleAuthorizationCommand>
{
    public CompleteGoogleAuthorizationCommandValidator()
    {
        RuleFor(c => c.State).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Code).NotEmpty().When(c => string.IsNullOrEmpty(c.Error)).MaximumLength(2000);
        RuleFor(c => c.Error).MaximumLength(100);
    }
}
