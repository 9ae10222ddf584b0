using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Common.Interfaces;

namespace NovaPulse.Application.Billing.Common;

/// <summary>
/// Refuses writes that would go beyond the company's plan (402). Only new writes are refused: after a downgrade
/// everything already there stays readable and editable.
/// </summary>
public sealed class PlanLimitGuard(IAppDbContext db, PlanCatalog catalog, TimeProvider clock)
{
    /// <summary>Seats are members plus pending invitations: each pending invitation holds a seat.</summary>
    public async Task EnsureSeatAvailableAsync(Guid companyId, CancellationToken cancellationToken)
    {
        var plan = await PlanBackedLimits.CurrentPlanAsync(db, catalog, companyId, cancellationToken);
        if (plan.Limits.Seats is not { } limit)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var members = await db.Users.CountAsync(cancellationToken);
        var pending = await db.Invitations.CountAsync(i => i.AcceptedAt == null && i.ExpiresAt > now, cancellationToken);
        Ensure("seat_limit_reached", "seats", members + pending, limit, catalog.Lifting(l => l.Seats, limit));
    }

    public async Task EnsureTaskAvailableAsync(Guid companyId, CancellationToken cancellationToken)
    {
        var plan = await PlanBackedLimits.CurrentPlanAsync(db, catalog, companyId, cancellationToken);
        if (plan.Limits.Tasks is not { } limit)
        {
            return;
        }

        var tasks = await db.Tasks.CountAsync(cancellationToken);
        Ensure("task_limit_reached", "tasks", tasks, limit, catalog.Lifting(l => l.Tasks, limit));
    }

    private static void Ensure(string code, string what, long usage, long limit, string? liftedBy)
    {
        if (usage >= limit)
        {
            throw new QuotaExceededException(
                $"The plan allows {limit} {what} and {usage} are in use; upgrade the plan to add more.", code, usage, limit, liftedBy);
        }
    }
}
