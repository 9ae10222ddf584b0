using Mediator;
using NovaPulse.Application.Common.Security;
using NovaPulse.Application.Webhooks.Common;
using NovaPulse.Domain.Common;

namespace NovaPulse.Application.Webhooks.Create;

/// <summary>Subscribes <see cref="Url"/> to <see cref="Events"/> (event type names, or <c>*</c>). Enabled unless told otherwise.</summary>
[RequireRole(Role.Admin)]
public sealed record CreateWebhookCommand(string Url, IReadOnlyList<string> Events, string? Description = null, bool? Enabled = null)
    : ICommand<WebhookEndpointDto>;
