using FluentValidation;
using NovaPulse.Application.Common.Events;
using NovaPulse.Domain.Integrations;

namespace NovaPulse.Application.Integrations.Notifications;

public sealed class UpdateIntegrationNotificationsCommandValidator : AbstractValidator<UpdateIntegrationNotificationsCommand>
{
    public UpdateIntegrationNotificationsCommandValidator()
    {
        RuleFor(c => c.Events).NotNull()
            .Must(e => e is null || e.Count <= Integration.MaxNotificationEvents).WithMessage($"At most {Integration.MaxNotificationEvents} event types.");
        RuleForEach(c => c.Events)
            .Must(e => e is not null && e != EventCatalogue.WebhookTest && EventCatalogue.IsKnown(e.Trim()))
            .WithMessage("'{PropertyValue}' is not a known event type (see GET /webhooks/event-types).");
    }
}
