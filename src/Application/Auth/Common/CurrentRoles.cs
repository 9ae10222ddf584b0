using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Common.Security;
using NovaPulse.Domain.Common;

namespace NovaPulse.Application.Auth.Common;

/// <summary>
/// A member's role as the database has it now. Access tokens carry the role they were issued with; a demotion or a
/// removal must bite on the next request, not when the token expires. Cached per host for <see cref="Lifetime"/> so the
/// check costs no round trip on most requests: a change evicts the entry on this host at once and on the others when
/// they receive the notice (<see cref="ForgetAsync"/>); a lost notice leaves the lifetime as the bound.
/// </summary>
public sealed class CurrentRoles(IAppDbContext db, IMemoryCache cache, IClusterNotifier cluster)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    /// <summary>The member's current role in <paramref name="companyId"/>, or null when they no longer belong to it.</summary>
    public async ValueTask<Role?> GetAsync(Guid userId, Guid companyId, CancellationToken cancellationToken)
    {
        if (!cache.TryGetValue(Key(userId), out Membership? membership))
        {
            // Runs while the request is being authenticated, before the tenant filter knows the company.
            membership = await db.Users.IgnoreQueryFilters().AsNoTracking()
                .Where(u => u.Id == userId)
                .Select(u => new Membership(u.CompanyId, u.Role))
                .SingleOrDefaultAsync(cancellationToken);
            cache.Set(Key(userId), membership, Lifetime);
        }

        return membership is not null && membership.CompanyId == companyId ? membership.Role : null;
    }

    /// <summary>After a committed change to the member: evicts them here and tells the other hosts.</summary>
    public Task ForgetAsync(Guid userId, CancellationToken cancellationToken)
    {
        Evict(cache, userId);
        return cluster.NotifyAsync(AccessCacheNotices.Member, userId, cancellationToken);
    }

    /// <summary>Evicts a member's entry (a notice from another host).</summary>
    public static void Evict(IMemoryCache cache, Guid userId) => cache.Remove(Key(userId));

    private static string Key(Guid userId) => "current-role:" + userId.ToString("N");

    private sealed record Membership(Guid CompanyId, Role Role);
}
