namespace NovaPulse.Application.Common.Security;

/// <summary>The kinds of <see cref="Interfaces.IClusterNotifier"/> notices that evict an access-deciding cache entry.</summary>
public static class AccessCacheNotices
{
    /// <summary>An API key (by id) was revoked.</summary>
    public const string ApiKey = "api-key";

    /// <summary>A member's (user id) role changed or they were removed.</summary>
    public const string Member = "member";
}
