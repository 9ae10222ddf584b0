using Mediator;
using NovaPulse.Application.Common.Security;
using NovaPulse.Domain.Common;

namespace NovaPulse.Application.Webhooks.RotateSecret;

/// <summary>Issues a new signing secret. For 24 h deliveries carry signatures with both the new and the previous secret.</summary>
[RequireRole(Role.Admin)]
public sealed record RotateWebhookSecretCommand(Guid Id) : ICommand<RotatedWebhookSecret>;

/// <summary>The new secret, shown only here, and when the previous one stops signing.</summary>
public sealed record RotatedWebhookSecret(string Secret, DateTimeOffset PreviousSecretExpiresAt);
