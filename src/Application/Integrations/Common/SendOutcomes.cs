using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Domain.Audit;
using NovaPulse.Domain.Integrations;

namespace NovaPulse.Application.Integrations.Common;

/// <summary>
/// Saves what a send changed. A send runs for seconds without a lock: when an Admin reconfigured the integration
/// (<see cref="Integration.ConfigurationVersion"/> moved) or deleted it meanwhile, the outcome describes settings that no
/// longer exist, so it is dropped and the rest of the unit of work (the notification's own record) is saved. A notification
/// conflicts only when its row is gone (deleted with its integration): nothing is left to record on it.
/// </summary>
public static class SendOutcomes
{
    public static async Task SaveAsync(IAppDbContext db, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateConcurrencyException conflict) when (conflict.Entries.All(e => e.Entity is Integration or IntegrationNotification))
            {
                // Each round takes the rows it names out of the save (a batch may stop at its first), so the loop ends.
                foreach (var entry in conflict.Entries)
                {
                    await entry.ReloadAsync(cancellationToken); // the current row, or detached when it is gone
                }

                // The failed save's audit entries described the dropped outcome; the next save writes those still due.
                foreach (var audit in db.ChangeTracker.Entries<AuditEntry>().Where(a => a.State == EntityState.Added).ToList())
                {
                    audit.State = EntityState.Detached;
                }
            }
        }
    }
}
