using Mediator;
using NovaPulse.Application.Common.Security;
using NovaPulse.Application.Integrations.Common;
using NovaPulse.Domain.Common;

namespace NovaPulse.Application.Integrations.TestSlack;

/// <summary>Posts a test message to the configured Slack webhook and reports how it went.</summary>
[RequireRole(Role.Admin)]
public sealed record TestSlackCommand : ICommand<IntegrationTestResult>;
