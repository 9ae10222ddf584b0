using Mediator;
using NovaPulse.Application.Common.Paging;
using NovaPulse.Application.Common.Security;
using NovaPulse.Application.Webhooks.Common;
using NovaPulse.Domain.Common;

namespace NovaPulse.Application.Webhooks.List;

/// <summary>The company's endpoints, newest first; secrets masked.</summary>
[RequireRole(Role.Member)]
public sealed record ListWebhooksQuery(int? Limit = null, string? Cursor = null) : IQuery<Page<WebhookEndpointDto>>;
