using FluentValidation;
using NovaPulse.Application.Tasks.Common;

namespace NovaPulse.Application.Tasks.Update;

public sealed class UpdateTaskCommandValidator : AbstractValidator<UpdateTaskCommand>
{
    public UpdateTaskCommandValidator()
    {
        When(c => c.Title.HasValue, () => RuleFor(c => c.Title.Value).ValidTitle().OverridePropertyName("Title"));
        When(c => c.Description.HasValue, () => RuleFor(c => c.Description.Value).ValidDescription().OverridePropertyName("Description"));
        When(c => c.Status.HasValue, () => RuleFor(c => c.Status.Value).NotNull().IsInEnum().OverridePropertyName("Status"));
        When(c => c.Priority.HasValue, () => RuleFor(c => c.Priority.Value).NotNull().IsInEnum().OverridePropertyName("Priority"));
        When(c => c.AssigneeId.HasValue, () => RuleFor(c => c.AssigneeId.Value).NotEqual(Guid.Empty).OverridePropertyName("AssigneeId"));
        When(c => c.Tags.HasValue, () => RuleFor(c => c.Tags.Value).NotNull().ValidTags().OverridePropertyName("Tags"));
    }
}
