using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Domain.Companies;

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

    /// <summary>
    /// Counts one more task against the plan, in the caller's transaction after the insert: a conditional increment of
    /// <see cref="Company.TaskCount"/> that matches no row at the limit. The row lock it takes lasts only until the
    /// commit that follows, and concurrent creates one below the limit cannot both pass.
    /// </summary>
    public async Task ReserveTaskAsync(Guid companyId, CancellationToken cancellationToken)
    {
        var plan = await PlanBackedLimits.CurrentPlanAsync(db, catalog, companyId, cancellationToken);
        var company = db.Companies.Where(c => c.Id == companyId);
        if (plan.Limits.Tasks is not { } limit)
        {
            await company.ExecuteUpdateAsync(s => s.SetProperty(c => c.TaskCount, c => c.TaskCount + 1), cancellationToken);
            return;
        }

        if (await company.Where(c => c.TaskCount < limit).ExecuteUpdateAsync(s => s.SetProperty(c => c.TaskCount, c => c.TaskCount + 1), cancellationToken) == 0)
        {
            var usage = await company.Select(c => c.TaskCount).SingleAsync(cancellationToken);
            Ensure("task_limit_reached", "tasks", usage, limit, catalog.Lifting(l => l.Tasks, limit));
        }
    }

    /// <summary>Gives a deleted task's slot back, in the transaction that deletes it.</summary>
    public Task ReleaseTaskAsync(Guid companyId, CancellationToken cancellationToken) =>
        db.Companies.Where(c => c.Id == companyId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.TaskCount, c => c.TaskCount - 1), cancellationToken);

    private static void Ensure(string code, string what, long usage, long limit, string? liftedBy)
    {
        if (usage >= limit)
        {
            throw new QuotaExceededException(
                $"The plan allows {limit} {what} and {usage} are in use; upgrade the plan to add more.", code, usage, limit, liftedBy);
        }
    }
}
