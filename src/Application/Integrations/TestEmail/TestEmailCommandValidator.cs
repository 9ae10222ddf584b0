using FluentValidation;

namespace NovaPulse.Application.Integrations.TestEmail;

public sealed class TestEmailCommandValidator : AbstractValidator<TestEmailCommand>
{
    // One address, no spaces or line breaks (header injection), a dot in the domain.
    private const string EmailPattern = @"^[^@\s,;<>]+@[^@\s,;<>]+\.[^@\s,;<>]+$";

    public TestEmailCommandValidator() =>
        RuleFor(c => c.To).NotEmpty().MaximumLength(254).Matches(EmailPattern).WithMessage("'{PropertyName}' must be an email address.");
}
