using Mediator;
using NovaPulse.Application.Common.Security;
using NovaPulse.Application.Integrations.Common;
using NovaPulse.Domain.Common;

namespace NovaPulse.Application.Integrations.ConfigureSlack;

/// <summary>Connects (or reconfigures) a Slack incoming webhook; <see cref="Channel"/> overrides the webhook's default channel.</summary>
[RequireRole(Role.Admin)]
public sealed record ConfigureSlackCommand(string WebhookUrl, string? Channel) : ICommand<IntegrationDto>;
