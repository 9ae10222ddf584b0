using FluentValidation;
using NovaPulse.Application.Auth.Common;
using NovaPulse.Domain.Users;

namespace NovaPulse.Application.Members.AcceptInvitation;

public sealed class AcceptInvitationCommandValidator : AbstractValidator<AcceptInvitationCommand>
{
    public AcceptInvitationCommandValidator()
    {
        RuleFor(c => c.Token).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Name).NotEmpty().MaximumLength(User.NameMaxLength);
        RuleFor(c => c.Password).StrongPassword();
    }
}
