using Mediator;
using NovaPulse.Application.ApiKeys.Common;
using NovaPulse.Application.Common.Security;
using NovaPulse.Domain.Common;

namespace NovaPulse.Application.ApiKeys.Create;

/// <summary>Creates an API key acting with <see cref="Role"/> (default Member, at most the caller's role).</summary>
[RequireRole(Domain.Common.Role.Admin)]
public sealed record CreateApiKeyCommand(string Name, Role? Role) : ICommand<CreatedApiKeyResponse>;

/// <summary>The new key; <see cref="Key"/> is shown only here and cannot be retrieved again.</summary>
public sealed record CreatedApiKeyResponse(string Key, ApiKeyDto ApiKey);
