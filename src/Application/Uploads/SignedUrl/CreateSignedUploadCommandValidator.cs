using FluentValidation;
using NovaPulse.Application.Uploads.Common;

namespace NovaPulse.Application.Uploads.SignedUrl;

public sealed class CreateSignedUploadCommandValidator : AbstractValidator<CreateSignedUploadCommand>
{
    public CreateSignedUploadCommandValidator()
    {
        RuleFor(c => c.FileName).ValidName();
        RuleFor(c => c.ContentType).NotEmpty().MaximumLength(127);
        RuleFor(c => c.Size).GreaterThan(0);
        RuleFor(c => c.Folder).ValidFolder();
        RuleFor(c => c.Tags).ValidTags();
        RuleFor(c => c.TaskId).NotEqual(Guid.Empty);
    }
}
