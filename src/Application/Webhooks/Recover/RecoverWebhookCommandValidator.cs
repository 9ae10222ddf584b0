using FluentValidation;

namespace NovaPulse.Application.Webhooks.Recover;

public sealed class RecoverWebhookCommandValidator : AbstractValidator<RecoverWebhookCommand>
{
    public RecoverWebhookCommandValidator(TimeProvider clock) =>
        RuleFor(c => c.Since).NotEmpty().LessThanOrEqualTo(_ => clock.GetUtcNow()).WithMessage("'since' must be in the past.");
}
