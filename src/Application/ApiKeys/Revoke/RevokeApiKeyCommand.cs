using Mediator;
using NovaPulse.Application.Common.Security;
using NovaPulse.Domain.Common;

namespace NovaPulse.Application.ApiKeys.Revoke;

[RequireRole(Role.Admin)]
public sealed record RevokeApiKeyCommand(Guid Id) : ICommand;
