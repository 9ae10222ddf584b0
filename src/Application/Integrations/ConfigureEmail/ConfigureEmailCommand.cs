using Mediator;
using NovaPulse.Application.Common.Security;
using NovaPulse.Application.Integrations.Common;
using NovaPulse.Domain.Common;

namespace NovaPulse.Application.Integrations.ConfigureEmail;

/// <summary>
/// Connects (or reconfigures) the company's SMTP server. A null <see cref="Password"/> keeps the stored one when the
/// server (host, port, security, username) is unchanged, so the settings page can save without asking for it again.
/// </summary>
[RequireRole(Role.Admin)]
public sealed record ConfigureEmailCommand(
    string Host, int Port, string? Username, string? Password, string FromAddress, string? FromName, EmailSecurity? Security)
    : ICommand<IntegrationDto>;
