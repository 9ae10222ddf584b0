using Mediator;
using NovaPulse.Application.Common.Security;
using NovaPulse.Application.Webhooks.Common;
using NovaPulse.Domain.Common;

namespace NovaPulse.Application.Webhooks.Get;

[RequireRole(Role.Member)]
public sealed record GetWebhookQuery(Guid Id) : IQuery<WebhookEndpointDto>;
