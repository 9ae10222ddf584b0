using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Common.Options;
using NovaPulse.Domain.Auth;

namespace NovaPulse.Application.Auth.Login;

/// <summary>
/// Locks sign-in for an (email, client address) pair after <see cref="AuthSettings.MaxFailedLogins"/> failures in a row,
/// for <see cref="AuthSettings.LockoutDuration"/>. See docs/ARCHITECTURE.md, "Sign-in lockout".
/// </summary>
public sealed class SignInLockout(IAppDbContext db, IRequestContext request, IOptions<AuthSettings> settings)
{
    /// <summary>Time left on the lock for this email from the caller's address, or null when it may try.</summary>
    public async Task<TimeSpan?> RemainingAsync(string normalizedEmail, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var address = ClientAddress();
        var lockedUntil = await db.SignInFailures.AsNoTracking()
            .Where(f => f.NormalizedEmail == normalizedEmail && f.ClientAddress == address)
            .Select(f => f.LockedUntil)
            .SingleOrDefaultAsync(cancellationToken);
        return lockedUntil is { } until && until > now ? until - now : null;
    }

    /// <summary>Counts a failure with one UPDATE (or the first row's INSERT), never a read-modify-write.</summary>
    public async Task RecordFailureAsync(string normalizedEmail, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var address = ClientAddress();
        if (await IncrementAsync(normalizedEmail, address, now, cancellationToken) > 0)
        {
            return;
        }

        var first = SignInFailure.First(normalizedEmail, address, now, LockAfter(1, now));
        db.SignInFailures.Add(first);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A concurrent first failure won the unique index: count this one on its row.
            db.SignInFailures.Entry(first).State = EntityState.Detached;
            await IncrementAsync(normalizedEmail, address, now, cancellationToken);
        }
    }

    /// <summary>A successful sign-in clears the count for its own address only.</summary>
    public Task ClearAsync(string normalizedEmail, CancellationToken cancellationToken)
    {
        var address = ClientAddress();
        return db.SignInFailures.Where(f => f.NormalizedEmail == normalizedEmail && f.ClientAddress == address)
            .ExecuteDeleteAsync(cancellationToken);
    }

    private Task<int> IncrementAsync(string normalizedEmail, string address, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var max = settings.Value.MaxFailedLogins;
        var lockedUntil = now + settings.Value.LockoutDuration;
        var lockOnFirst = LockAfter(1, now);
        // SET expressions read the row as it was before this statement, on all three providers; a lock that has
        // passed starts a new count.
        return db.SignInFailures
            .Where(f => f.NormalizedEmail == normalizedEmail && f.ClientAddress == address)
            .ExecuteUpdateAsync(
                s => s
                    .SetProperty(f => f.Failures, f => f.LockedUntil != null && f.LockedUntil <= now ? 1 : f.Failures + 1)
                    .SetProperty(
                        f => f.LockedUntil,
                        f => f.LockedUntil != null && f.LockedUntil <= now ? lockOnFirst : f.Failures + 1 >= max ? lockedUntil : f.LockedUntil)
                    .SetProperty(f => f.LastFailedAt, now),
                cancellationToken);
    }

    private DateTimeOffset? LockAfter(int failures, DateTimeOffset now) =>
        failures >= settings.Value.MaxFailedLogins ? now + settings.Value.LockoutDuration : null;

    /// <summary>
    /// The client's address as the host resolved it (after trusted forwarded headers). An IPv6 client is keyed by its /64,
    /// the block one subscriber line gets, so rotating through it does not buy fresh attempts.
    /// </summary>
    private string ClientAddress()
    {
        if (!IPAddress.TryParse(request.IpAddress, out var ip))
        {
            return "unknown";
        }

        if (ip.IsIPv4MappedToIPv6)
        {
            return ip.MapToIPv4().ToString();
        }

        if (ip.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return ip.ToString();
        }

        var bytes = ip.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
