using Mediator;
using NovaPulse.Application.Common.Security;
using NovaPulse.Application.Integrations.Common;
using NovaPulse.Domain.Common;

namespace NovaPulse.Application.Integrations.Notifications;

/// <summary>Replaces the event types the integration sends a message for (an empty list stops notifications).</summary>
[RequireRole(Role.Admin)]
public sealed record UpdateIntegrationNotificationsCommand(Guid Id, IReadOnlyList<string> Events) : ICommand<IntegrationDto>;
