using Mediator;
using NovaPulse.Application.Common.Security;
using NovaPulse.Application.Integrations.Common;
using NovaPulse.Domain.Common;

namespace NovaPulse.Application.Integrations.TestGoogle;

/// <summary>Checks the Google connection: a valid access token (refreshed when expired) and the account behind it.</summary>
[RequireRole(Role.Admin)]
public sealed record TestGoogleCommand : ICommand<IntegrationTestResult>;
