using System.Linq.Expressions;
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

    /// <summary>Run under the company's lock (<see cref="IAppDbContext.InCompanyLockAsync{T}"/>) before adding an endpoint.</summary>
    public async Task EnsureWebhookEndpointAvailableAsync(Guid companyId, CancellationToken cancellationToken)
    {
        var plan = await PlanBackedLimits.CurrentPlanAsync(db, catalog, companyId, cancellationToken);
        if (plan.Limits.WebhookEndpoints is { } limit)
        {
            var usage = await db.WebhookEndpoints.IgnoreQueryFilters().CountAsync(e => e.CompanyId == companyId, cancellationToken);
            Ensure("webhook_endpoint_limit_reached", "webhook endpoints", usage, limit, catalog.Lifting(l => l.WebhookEndpoints, limit));
        }
    }

    /// <summary>
    /// Run under the company's lock before connecting a new integration. Reads across the tenant filter: Google's OAuth
    /// callback connects for the company named by its state, without a signed-in caller.
    /// </summary>
    public async Task EnsureIntegrationAvailableAsync(Guid companyId, CancellationToken cancellationToken)
    {
        var plan = await PlanBackedLimits.CurrentPlanAsync(db, catalog, companyId, cancellationToken);
        if (plan.Limits.Integrations is { } limit)
        {
            var usage = await db.Integrations.IgnoreQueryFilters().CountAsync(i => i.CompanyId == companyId, cancellationToken);
            Ensure("integration_limit_reached", "integrations", usage, limit, catalog.Lifting(l => l.Integrations, limit));
        }
    }

    /// <summary>
    /// Counts one more task against the plan, in the caller's transaction after the insert: a conditional increment of
    /// <see cref="Company.TaskCount"/> that matches no row at the limit of the company's plan (read in the same statement,
    /// so a create costs one round trip for the limit). The row lock it takes lasts only until the commit that follows,
    /// and concurrent creates one below the limit cannot both pass.
    /// </summary>
    public async Task ReserveTaskAsync(Guid companyId, CancellationToken cancellationToken)
    {
        await db.QueueForCompanyRowAsync(companyId, cancellationToken);
        var company = db.Companies.Where(c => c.Id == companyId);
        // A miss is the limit, unless the plan changed between the statements: then the increment is tried again.
        for (var attempt = 1; ; attempt++)
        {
            if (await company.Where(BelowTaskLimit()).ExecuteUpdateAsync(s => s.SetProperty(c => c.TaskCount, c => c.TaskCount + 1), cancellationToken) > 0)
            {
                return;
            }

            var now = await company.Select(c => new { c.PlanId, c.TaskCount }).SingleAsync(cancellationToken);
            var limit = catalog.Get(now.PlanId).Limits.Tasks;
            if (limit is { } value)
            {
                Ensure("task_limit_reached", "tasks", now.TaskCount, value, catalog.Lifting(l => l.Tasks, value));
            }

            if (attempt == 3)
            {
                throw AppException.Conflict("The company's plan changed while the task was being created; try again.");
            }
        }
    }

    /// <summary>Gives a deleted task's slot back, in the transaction that deletes it.</summary>
    public async Task ReleaseTaskAsync(Guid companyId, CancellationToken cancellationToken)
    {
        await db.QueueForCompanyRowAsync(companyId, cancellationToken);
        await db.Companies.Where(c => c.Id == companyId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.TaskCount, c => c.TaskCount - 1), cancellationToken);
    }

    /// <summary>
    /// <c>TaskCount</c> below the task limit of the company's plan, as one condition the database evaluates:
    /// <c>(PlanId = 'pro' AND TaskCount &lt; 100000) OR ...</c>, with an id no longer configured counting as Free.
    /// </summary>
    private Expression<Func<Company, bool>> BelowTaskLimit()
    {
        var company = Expression.Parameter(typeof(Company), "c");
        var planId = Expression.Property(company, nameof(Company.PlanId));
        var count = Expression.Property(company, nameof(Company.TaskCount));
        Expression Below(long? limit) => limit is { } value ? Expression.LessThan(count, Expression.Constant(value)) : Expression.Constant(true);

        var plans = catalog.All;
        var known = plans.Select(p => p.Id).ToArray();
        var unknown = Expression.Not(Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(string)], Expression.Constant(known), planId));
        var body = plans.Aggregate(
            (Expression)Expression.AndAlso(unknown, Below(catalog.Get(Company.FreePlanId).Limits.Tasks)),
            (condition, plan) => Expression.OrElse(Expression.AndAlso(Expression.Equal(planId, Expression.Constant(plan.Id)), Below(plan.Limits.Tasks)), condition));
        return Expression.Lambda<Func<Company, bool>>(body, company);
    }

    private static void Ensure(string code, string what, long usage, long limit, string? liftedBy)
    {
        if (usage >= limit)
        {
            throw AppException.LimitReached(
                code, $"The plan allows {limit} {what} and {usage} are in use; upgrade the plan to add more.", usage, limit, liftedBy);
        }
    }
}
