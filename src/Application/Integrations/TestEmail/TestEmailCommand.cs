using Mediator;
using NovaPulse.Application.Common.Security;
using NovaPulse.Application.Integrations.Common;
using NovaPulse.Domain.Common;

namespace NovaPulse.Application.Integrations.TestEmail;

/// <summary>Sends a test message to <see cref="To"/> through the configured SMTP server and reports how it went.</summary>
[RequireRole(Role.Admin)]
public sealed record TestEmailCommand(string To) : ICommand<IntegrationTestResult>;
