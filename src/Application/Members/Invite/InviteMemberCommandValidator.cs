using FluentValidation;
using NovaPulse.Domain.Users;

namespace NovaPulse.Application.Members.Invite;

public sealed class InviteMemberCommandValidator : AbstractValidator<InviteMemberCommand>
{
    public InviteMemberCommandValidator()
    {
        RuleFor(c => c.Email).NotEmpty().EmailAddress().MaximumLength(User.EmailMaxLength);
        RuleFor(c => c.Role).IsInEnum();
    }
}
