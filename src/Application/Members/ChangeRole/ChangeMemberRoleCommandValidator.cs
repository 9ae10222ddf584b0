using FluentValidation;

namespace NovaPulse.Application.Members.ChangeRole;

public sealed class ChangeMemberRoleCommandValidator : AbstractValidator<ChangeMemberRoleCommand>
{
    public ChangeMemberRoleCommandValidator() => RuleFor(c => c.Role).IsInEnum();
}
