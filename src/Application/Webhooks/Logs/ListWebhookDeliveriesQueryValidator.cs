using FluentValidation;
using NovaPulse.Application.Common.Paging;

namespace NovaPulse.Application.Webhooks.Logs;

public sealed class ListWebhookDeliveriesQueryValidator : AbstractValidator<ListWebhookDeliveriesQuery>
{
    public ListWebhookDeliveriesQueryValidator()
    {
        RuleFor(q => q.Status).IsInEnum();
        RuleFor(q => q.EventType).MaximumLength(100);
        RuleFor(q => q.Limit).ValidLimit();
        RuleFor(q => q.Cursor).ValidCursor();
    }
}
