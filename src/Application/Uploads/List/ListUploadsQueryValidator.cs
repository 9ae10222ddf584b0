using FluentValidation;
using NovaPulse.Application.Common.Paging;

namespace NovaPulse.Application.Uploads.List;

public sealed class ListUploadsQueryValidator : AbstractValidator<ListUploadsQuery>
{
    public ListUploadsQueryValidator()
    {
        RuleFor(q => q.Kind).IsInEnum();
        RuleFor(q => q.Folder).MaximumLength(200);
        RuleFor(q => q.Tag).MaximumLength(40);
        RuleFor(q => q.Search).MaximumLength(200);
        RuleFor(q => q.To).GreaterThan(q => q.From).When(q => q.From is not null && q.To is not null);
        RuleFor(q => q.Limit).ValidLimit();
        RuleFor(q => q.Cursor).ValidCursor();
    }
}
