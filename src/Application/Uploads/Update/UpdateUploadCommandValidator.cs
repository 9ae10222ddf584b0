using FluentValidation;
using NovaPulse.Application.Uploads.Common;

namespace NovaPulse.Application.Uploads.Update;

public sealed class UpdateUploadCommandValidator : AbstractValidator<UpdateUploadCommand>
{
    public UpdateUploadCommandValidator()
    {
        When(c => c.Name.HasValue, () => RuleFor(c => c.Name.Value).ValidName().OverridePropertyName("Name"));
        When(c => c.Folder.HasValue, () => RuleFor(c => c.Folder.Value).ValidFolder().OverridePropertyName("Folder"));
        When(c => c.Tags.HasValue, () => RuleFor(c => c.Tags.Value).NotNull().ValidTags().OverridePropertyName("Tags"));
        When(c => c.TaskId.HasValue, () => RuleFor(c => c.TaskId.Value).NotEqual(Guid.Empty).OverridePropertyName("TaskId"));
    }
}
