using FluentValidation;
using NovaPulse.Application.Auth.Common;
using NovaPulse.Domain.Companies;
using NovaPulse.Domain.Users;

namespace NovaPulse.Application.Auth.Register;

public sealed class RegisterCommandValidator : AbstractValidator<RegisterCommand>
{
    public RegisterCommandValidator()
    {
        RuleFor(c => c.CompanyName).NotEmpty().MaximumLength(Company.NameMaxLength);
        RuleFor(c => c.Name).NotEmpty().MaximumLength(User.NameMaxLength);
        RuleFor(c => c.Email).NotEmpty().EmailAddress().MaximumLength(User.EmailMaxLength);
        RuleFor(c => c.Password).StrongPassword();
    }
}
