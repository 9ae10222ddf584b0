using FluentValidation;
using FluentValidation.Results;
using Mediator;
using NovaPulse.Application.Billing.Common;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Common.Security;
using NovaPulse.Application.Integrations.Common;
using NovaPulse.Domain.Integrations;

namespace NovaPulse.Application.Integrations.ConfigureEmail;

public sealed class ConfigureEmailCommandHandler(IAppDbContext db, ICurrentUser currentUser, ISecretProtector protector, PlanLimitGuard planLimits, TimeProvider clock)
    : ICommandHandler<ConfigureEmailCommand, IntegrationDto>
{
    public async ValueTask<IntegrationDto> Handle(ConfigureEmailCommand command, CancellationToken cancellationToken)
    {
        var companyId = currentUser.RequireCompanyId();
        // Under the company's lock: connecting counts against the plan's integrations, once.
        return await db.InCompanyLockAsync(companyId, () => ConfigureAsync(command, companyId, cancellationToken), cancellationToken);
    }

    private async Task<IntegrationDto> ConfigureAsync(ConfigureEmailCommand command, Guid companyId, CancellationToken cancellationToken)
    {
        var username = string.IsNullOrWhiteSpace(command.Username) ? null : command.Username.Trim();
        var existing = await db.OfTypeAsync(IntegrationType.Email, cancellationToken);
        var settings = new EmailSettings(
            command.Host.Trim(), command.Port, username, command.FromAddress.Trim(), command.FromName?.Trim(), command.Security!.Value, false);
        var password = command.Password is { Length: > 0 } given ? given : KeptPassword(existing, settings);
        settings = settings with { HasPassword = password is not null };
        var displayName = $"SMTP {settings.Host}:{settings.Port}";
        var secret = protector.Seal(new EmailSecret(password));
        var now = clock.GetUtcNow();
        if (existing is null)
        {
            await planLimits.EnsureIntegrationAvailableAsync(companyId, cancellationToken);
            existing = Integration.Connect(companyId, IntegrationType.Email, displayName, IntegrationSecrets.Serialize(settings), secret, now);
            db.Integrations.Add(existing);
        }
        else
        {
            existing.Reconfigure(displayName, IntegrationSecrets.Serialize(settings), secret, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return IntegrationDto.From(existing);
    }

    /// <summary>
    /// The stored password, when the settings it was entered for are unchanged. A stored password is never sent to a
    /// server it was not entered for: changing the host, port, security or username without it is a 400.
    /// </summary>
    private string? KeptPassword(Integration? existing, EmailSettings next)
    {
        if (existing is null || next.Username is null)
        {
            return null;
        }

        var stored = protector.Open<EmailSecret>(existing).Password;
        var current = IntegrationSecrets.SettingsOf<EmailSettings>(existing);
        var sameServer = string.Equals(current.Host, next.Host, StringComparison.OrdinalIgnoreCase)
            && current.Port == next.Port && current.Security == next.Security && current.Username == next.Username;
        if (stored is not null && !sameServer)
        {
            throw new ValidationException([new ValidationFailure(
                "Password", "Enter the password again: the stored one is only sent to the server, port, security and username it was entered for.")]);
        }

        return stored;
    }
}
