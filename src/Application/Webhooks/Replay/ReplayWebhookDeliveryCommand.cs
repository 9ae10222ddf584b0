using Mediator;
using NovaPulse.Application.Common.Security;
using NovaPulse.Application.Webhooks.Common;
using NovaPulse.Domain.Common;

namespace NovaPulse.Application.Webhooks.Replay;

/// <summary>Sends a delivery's message again, as a new delivery with the same <c>webhook-id</c>.</summary>
[RequireRole(Role.Admin)]
public sealed record ReplayWebhookDeliveryCommand(Guid Id, Guid DeliveryId) : ICommand<WebhookDeliveryDto>;
