using Mediator;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Common.Security;
using NovaPulse.Application.Integrations.Common;
using NovaPulse.Domain.Integrations;

namespace NovaPulse.Application.Integrations.ConfigureEmail;

public sealed class ConfigureEmailCommandHandler(IAppDbContext db, ICurrentUser currentUser, ISecretProtector protector, TimeProvider clock)
    : ICommandHandler<ConfigureEmailCommand, IntegrationDto>
{
    public async ValueTask<IntegrationDto> Handle(ConfigureEmailCommand command, CancellationToken cancellationToken)
    {
        var username = string.IsNullOrWhiteSpace(command.Username) ? null : command.Username.Trim();
        var existing = await db.OfTypeAsync(IntegrationType.Email, cancellationToken);
        var password = command.Password is { Length: > 0 } given ? given : KeptPassword(existing, username);
        var settings = new EmailSettings(
            command.Host.Trim(), command.Port, username, command.FromAddress.Trim(), command.FromName?.Trim(), command.Security!.Value, password is not null);
        var displayName = $"SMTP {settings.Host}:{settings.Port}";
        var secret = protector.Seal(new EmailSecret(password));
        var now = clock.GetUtcNow();
        if (existing is null)
        {
            existing = Integration.Connect(currentUser.RequireCompanyId(), IntegrationType.Email, displayName, IntegrationSecrets.Serialize(settings), secret, now);
            db.Integrations.Add(existing);
        }
        else
        {
            existing.Reconfigure(displayName, IntegrationSecrets.Serialize(settings), secret, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return IntegrationDto.From(existing);
    }

    private string? KeptPassword(Integration? existing, string? username) =>
        existing is not null && username is not null && IntegrationSecrets.SettingsOf<EmailSettings>(existing).Username == username
            ? protector.Open<EmailSecret>(existing).Password
            : null;
}
