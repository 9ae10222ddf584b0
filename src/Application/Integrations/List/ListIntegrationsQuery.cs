using Mediator;
using NovaPulse.Application.Common.Security;
using NovaPulse.Application.Integrations.Common;
using NovaPulse.Domain.Common;

namespace NovaPulse.Application.Integrations.List;

/// <summary>The company's integrations (at most one per type), credentials masked.</summary>
[RequireRole(Role.Admin)]
public sealed record ListIntegrationsQuery : IQuery<IReadOnlyList<IntegrationDto>>;
