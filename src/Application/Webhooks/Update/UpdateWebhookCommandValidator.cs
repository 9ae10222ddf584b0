using FluentValidation;
using NovaPulse.Application.Webhooks.Common;
using NovaPulse.Domain.Webhooks;

namespace NovaPulse.Application.Webhooks.Update;

public sealed class UpdateWebhookCommandValidator : AbstractValidator<UpdateWebhookCommand>
{
    public UpdateWebhookCommandValidator(IWebhookTargetGuard guard)
    {
        When(c => c.Url is not null, () => RuleFor(c => c.Url).ValidWebhookUrl(guard));
        When(c => c.Events is not null, () => RuleFor(c => c.Events).ValidEventTypes());
        RuleFor(c => c.Description).MaximumLength(WebhookEndpoint.DescriptionMaxLength);
    }
}
