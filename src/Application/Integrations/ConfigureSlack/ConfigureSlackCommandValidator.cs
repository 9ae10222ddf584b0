using FluentValidation;

namespace NovaPulse.Application.Integrations.ConfigureSlack;

public sealed class ConfigureSlackCommandValidator : AbstractValidator<ConfigureSlackCommand>
{
    public ConfigureSlackCommandValidator()
    {
        RuleFor(c => c.WebhookUrl).NotEmpty().MaximumLength(2000)
            .Must(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.UserInfo.Length == 0)
            .WithMessage("'webhookUrl' must be an absolute https URL without credentials.");
        RuleFor(c => c.Channel).MaximumLength(80)
            .Matches("^[#@]?[a-z0-9][a-z0-9._-]*$").When(c => !string.IsNullOrEmpty(c.Channel))
            .WithMessage("'channel' must be a Slack channel name such as #alerts.");
    }
}
