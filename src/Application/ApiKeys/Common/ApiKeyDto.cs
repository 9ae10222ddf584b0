using NovaPulse.Domain.ApiKeys;
using NovaPulse.Domain.Common;

namespace NovaPulse.Application.ApiKeys.Common;

/// <summary>An API key as listed: never the key itself, only its hint.</summary>
public sealed record ApiKeyDto(Guid Id, string Name, string Hint, Role Role, Guid CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt)
{
    public static ApiKeyDto From(ApiKey key) => new(key.Id, key.Name, key.Hint, key.Role, key.CreatedBy, key.CreatedAt, key.LastUsedAt);
}
