using FluentValidation;
using NovaPulse.Application.Webhooks.Common;
using NovaPulse.Domain.Webhooks;

namespace NovaPulse.Application.Webhooks.Create;

public sealed class CreateWebhookCommandValidator : AbstractValidator<CreateWebhookCommand>
{
    public CreateWebhookCommandValidator(IWebhookTargetGuard guard)
    {
        RuleFor(c => c.Url).ValidWebhookUrl(guard);
        RuleFor(c => c.Events).ValidEventTypes();
        RuleFor(c => c.Description).MaximumLength(WebhookEndpoint.DescriptionMaxLength);
    }
}
