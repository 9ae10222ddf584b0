using FluentValidation;
using NovaPulse.Application.Tasks.Common;

namespace NovaPulse.Application.Tasks.Create;

public sealed class CreateTaskCommandValidator : AbstractValidator<CreateTaskCommand>
{
    public CreateTaskCommandValidator()
    {
        RuleFor(c => c.Title).ValidTitle();
        RuleFor(c => c.Description).ValidDescription();
        RuleFor(c => c.Status).IsInEnum();
        RuleFor(c => c.Priority).IsInEnum();
        RuleFor(c => c.AssigneeId).NotEqual(Guid.Empty);
        RuleFor(c => c.Tags).ValidTags();
    }
}
