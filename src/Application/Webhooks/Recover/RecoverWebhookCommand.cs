using Mediator;
using NovaPulse.Application.Common.Security;
using NovaPulse.Domain.Common;

namespace NovaPulse.Application.Webhooks.Recover;

/// <summary>Re-sends every delivery to the endpoint that failed for good since <see cref="Since"/> (e.g. after an outage).</summary>
[RequireRole(Role.Admin)]
public sealed record RecoverWebhookCommand(Guid Id, DateTimeOffset Since) : ICommand<RecoverWebhookResult>;

/// <summary>How many deliveries were queued again.</summary>
public sealed record RecoverWebhookResult(int Queued);
