using Mediator;
using NovaPulse.Application.ApiKeys.Common;
using NovaPulse.Application.Common.Security;
using NovaPulse.Domain.Common;

namespace NovaPulse.Application.ApiKeys.List;

/// <summary>The company's active API keys, newest first.</summary>
[RequireRole(Role.Admin)]
public sealed record ListApiKeysQuery : IQuery<IReadOnlyList<ApiKeyDto>>;
