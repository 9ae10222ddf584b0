using Mediator;
using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Billing.Common;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Common.Security;
using NovaPulse.Domain.Events;

namespace NovaPulse.Application.Events.OpenStream;

public sealed class OpenEventStreamCommandHandler(IAppDbContext db, ICurrentUser currentUser, PlanCatalog catalog, TimeProvider clock)
    : ICommandHandler<OpenEventStreamCommand, Guid>
{
    public async ValueTask<Guid> Handle(OpenEventStreamCommand command, CancellationToken cancellationToken)
    {
        var companyId = currentUser.RequireCompanyId();
        var principal = currentUser.ApiKeyId is { } keyId ? $"key:{keyId:N}" : $"user:{currentUser.RequireUserId():N}";
        // Under the company's lock, so streams opened at once on several hosts cannot all pass the count.
        return await db.InCompanyLockAsync(companyId, async () =>
        {
            var now = clock.GetUtcNow();
            // Leases of streams whose host died without closing them.
            await db.EventStreamLeases.Where(l => l.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
            var plan = await PlanBackedLimits.CurrentPlanAsync(db, catalog, companyId, cancellationToken);
            if (plan.Limits.EventStreamsPerPrincipal is { } limit)
            {
                var open = await db.EventStreamLeases.Where(l => l.Principal == principal).Select(l => l.ExpiresAt).ToListAsync(cancellationToken);
                if (open.Count >= limit)
                {
                    // The earliest a held slot can free without its stream closing: when its lease would lapse.
                    var wait = open.Min() - now;
                    throw AppException.ConcurrencyLimit(
                        "event_stream_limit_reached",
                        $"The plan allows {limit} open event streams per member or API key and {open.Count} are open; close one or retry later.",
                        wait > TimeSpan.FromSeconds(1) ? wait : TimeSpan.FromSeconds(1), limit);
                }
            }

            var lease = EventStreamLease.Open(companyId, principal, now, command.LeaseDuration);
            db.EventStreamLeases.Add(lease);
            await db.SaveChangesAsync(cancellationToken);
            return lease.Id;
        }, cancellationToken);
    }
}
