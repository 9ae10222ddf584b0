using Mediator;
using NovaPulse.Application.Common.Security;
using NovaPulse.Domain.Common;

namespace NovaPulse.Application.Integrations.Delete;

/// <summary>Removes an integration and its credentials; a Google grant is revoked at Google first (best effort).</summary>
[RequireRole(Role.Admin)]
public sealed record DeleteIntegrationCommand(Guid Id) : ICommand;
