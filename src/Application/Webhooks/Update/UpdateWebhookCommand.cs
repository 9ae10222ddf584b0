using Mediator;
using NovaPulse.Application.Common.Security;
using NovaPulse.Application.Webhooks.Common;
using NovaPulse.Domain.Common;

namespace NovaPulse.Application.Webhooks.Update;

/// <summary>A partial update: null fields stay as they are; an empty description clears it; enabling clears the failure streak.</summary>
[RequireRole(Role.Admin)]
public sealed record UpdateWebhookCommand(
    Guid Id, string? Url = null, IReadOnlyList<string>? Events = null, string? Description = null, bool? Enabled = null)
    : ICommand<WebhookEndpointDto>;
