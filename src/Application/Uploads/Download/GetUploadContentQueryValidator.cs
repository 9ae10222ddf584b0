using FluentValidation;
using NovaPulse.Application.Uploads.Common;

namespace NovaPulse.Application.Uploads.Download;

public sealed class GetUploadContentQueryValidator : AbstractValidator<GetUploadContentQuery>
{
    public GetUploadContentQueryValidator()
    {
        RuleFor(q => q.Variant).Must(v => v is null or UploadUrls.Original or UploadUrls.Thumbnail)
            .WithMessage($"'variant' must be {UploadUrls.Original} or {UploadUrls.Thumbnail}.");
        RuleFor(q => q.Signature).MaximumLength(128);
    }
}
