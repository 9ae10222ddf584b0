using Mediator;
using NovaPulse.Application.Common.Security;
using NovaPulse.Application.Webhooks.Common;
using NovaPulse.Domain.Common;

namespace NovaPulse.Application.Webhooks.Update;

/// <summary>A partial update: absent or null fields stay as they are; an empty description clears it; enabling clears the failure streak.</summary>
[RequireRole(Role.Admin)]
public sealed record UpdateWebhookCommand(
    Guid Id,
    Optional<string?> Url = default,
    Optional<IReadOnlyList<string>?> Events = default,
    Optional<string?> Description = default,
    Optional<bool?> Enabled = default)
    : ICommand<WebhookEndpointDto>;
