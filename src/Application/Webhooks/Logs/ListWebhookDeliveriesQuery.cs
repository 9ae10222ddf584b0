using Mediator;
using NovaPulse.Application.Common.Paging;
using NovaPulse.Application.Common.Security;
using NovaPulse.Application.Webhooks.Common;
using NovaPulse.Domain.Common;
using NovaPulse.Domain.Webhooks;

namespace NovaPulse.Application.Webhooks.Logs;

/// <summary>An endpoint's deliveries with their attempts, newest first, optionally by status and event type.</summary>
[RequireRole(Role.Member)]
public sealed record ListWebhookDeliveriesQuery(
    Guid Id, WebhookDeliveryStatus? Status = null, string? EventType = null, int? Limit = null, string? Cursor = null)
    : IQuery<Page<WebhookDeliveryDto>>;
