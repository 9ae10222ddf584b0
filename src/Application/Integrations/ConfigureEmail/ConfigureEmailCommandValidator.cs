using FluentValidation;

namespace NovaPulse.Application.Integrations.ConfigureEmail;

public sealed class ConfigureEmailCommandValidator : AbstractValidator<ConfigureEmailCommand>
{
    // One address, no spaces or line breaks (header injection), a dot in the domain.
    private const string EmailPattern = @"^[^@\s,;<>]+@[^@\s,;<>]+\.[^@\s,;<>]+$";

    public ConfigureEmailCommandValidator()
    {
        RuleFor(c => c.Host).NotEmpty().MaximumLength(253)
            .Must(h => Uri.CheckHostName(h?.Trim()) is UriHostNameType.Dns or UriHostNameType.IPv4 or UriHostNameType.IPv6)
            .WithMessage("'host' must be a host name or IP address.");
        RuleFor(c => c.Port).InclusiveBetween(1, 65535);
        RuleFor(c => c.Username).MaximumLength(254);
        RuleFor(c => c.Password).MaximumLength(500);
        RuleFor(c => c.Password).Empty().When(c => string.IsNullOrEmpty(c.Username)).WithMessage("'password' needs a 'username'.");
        RuleFor(c => c.FromAddress).NotEmpty().MaximumLength(254).Matches(EmailPattern).WithMessage("'{PropertyName}' must be an email address.");
        RuleFor(c => c.FromName).MaximumLength(200)
            .Must(n => n is null || !n.Any(char.IsControl)).WithMessage("'fromName' must not contain control characters.");
        RuleFor(c => c.Security).NotNull().IsInEnum();
    }
}
