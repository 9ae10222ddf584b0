using FluentValidation;
using NovaPulse.Application.Common.Paging;

namespace NovaPulse.Application.AuditLogs.List;

public sealed class ListAuditLogsQueryValidator : AbstractValidator<ListAuditLogsQuery>
{
    public ListAuditLogsQueryValidator()
    {
        RuleFor(q => q.EntityType).MaximumLength(100);
        RuleFor(q => q.EntityId).MaximumLength(100);
        RuleFor(q => q.Action).MaximumLength(100);
        RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).When(q => q.From is not null && q.To is not null);
        RuleFor(q => q.Limit).ValidLimit();
        RuleFor(q => q.Cursor).ValidCursor();
    }
}
