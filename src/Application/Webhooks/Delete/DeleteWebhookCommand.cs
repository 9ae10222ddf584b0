using Mediator;
using NovaPulse.Application.Common.Security;
using NovaPulse.Domain.Common;

namespace NovaPulse.Application.Webhooks.Delete;

/// <summary>Deletes an endpoint with its delivery logs; pending deliveries are dropped.</summary>
[RequireRole(Role.Admin)]
public sealed record DeleteWebhookCommand(Guid Id) : ICommand;
