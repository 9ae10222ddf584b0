using FluentValidation;
using NovaPulse.Application.Common.Paging;

namespace NovaPulse.Application.Members.List;

public sealed class ListMembersQueryValidator : AbstractValidator<ListMembersQuery>
{
    public ListMembersQueryValidator()
    {
        RuleFor(q => q.Limit).ValidLimit();
        RuleFor(q => q.Cursor).ValidCursor();
    }
}
