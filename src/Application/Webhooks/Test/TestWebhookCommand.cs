using Mediator;
using NovaPulse.Application.Common.Security;
using NovaPulse.Domain.Common;

namespace NovaPulse.Application.Webhooks.Test;

/// <summary>Sends a <c>webhook.test</c> event to the endpoint now and reports how the attempt went.</summary>
[RequireRole(Role.Admin)]
public sealed record TestWebhookCommand(Guid Id) : ICommand<WebhookTestResult>;

/// <summary>The outcome of the test attempt (it is also in the logs, retried like any delivery when it failed).</summary>
public sealed record WebhookTestResult(Guid DeliveryId, string MessageId, bool Succeeded, int? StatusCode, int DurationMs, string? Error);
