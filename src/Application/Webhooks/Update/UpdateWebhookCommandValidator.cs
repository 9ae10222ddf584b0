using FluentValidation;
using NovaPulse.Application.Webhooks.Common;
using NovaPulse.Domain.Webhooks;

namespace NovaPulse.Application.Webhooks.Update;

public sealed class UpdateWebhookCommandValidator : AbstractValidator<UpdateWebhookCommand>
{
    public UpdateWebhookCommandValidator(IWebhookTargetGuard guard)
    {
        When(c => c.Url.Value is not null, () => RuleFor(c => c.Url.Value).ValidWebhookUrl(guard).OverridePropertyName("Url"));
        When(c => c.Events.Value is not null, () => RuleFor(c => c.Events.Value).ValidEventTypes().OverridePropertyName("Events"));
        RuleFor(c => c.Description.Value).MaximumLength(WebhookEndpoint.DescriptionMaxLength).OverridePropertyName("Description");
    }
}
