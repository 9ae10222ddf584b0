using FluentValidation;
using NovaPulse.Application.Uploads.Common;

namespace NovaPulse.Application.Uploads.Create;

public sealed class UploadFileCommandValidator : AbstractValidator<UploadFileCommand>
{
    public UploadFileCommandValidator()
    {
        RuleFor(c => c.FileName).ValidName();
        RuleFor(c => c.Folder).ValidFolder();
        RuleFor(c => c.Tags).ValidTags();
        RuleFor(c => c.TaskId).NotEqual(Guid.Empty);
    }
}
