using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using NovaPulse.Domain.Common;

namespace NovaPulse.Infrastructure.Persistence.Interceptors;

/// <summary>
/// Stamps new tenant-owned rows with the caller's company and refuses any write to another company's row:
/// the last line of defence behind the query filters. The caller is the context's <see cref="AppDbContext.CurrentUser"/>.
/// </summary>
public sealed class TenantStampInterceptor : SaveChangesInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    private static void Stamp(DbContext? context)
    {
        if (context is not AppDbContext { CurrentUser: var currentUser })
        {
            return;
        }

        context.ChangeTracker.DetectChanges();
        var callerCompany = currentUser.CompanyId;
        foreach (var entry in context.ChangeTracker.Entries<ITenantOwned>())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            var companyId = entry.Property(e => e.CompanyId);
            if (entry.State == EntityState.Added && entry.Entity.CompanyId == Guid.Empty)
            {
                companyId.CurrentValue = callerCompany
                    ?? throw new InvalidOperationException($"A {entry.Metadata.ClrType.Name} cannot be saved without a company.");
            }
            else if (callerCompany is { } caller && entry.Entity.CompanyId != caller)
            {
                throw new InvalidOperationException($"Refused a cross-tenant write to {entry.Metadata.ClrType.Name}.");
            }
        }
    }
}
