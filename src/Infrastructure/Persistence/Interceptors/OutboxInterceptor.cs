using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using NovaPulse.Domain.Common;
using NovaPulse.Domain.Companies;
using NovaPulse.Domain.Outbox;
using NovaPulse.Infrastructure.Serialization;

namespace NovaPulse.Infrastructure.Persistence.Interceptors;

/// <summary>
/// Turns the domain events of the entities being saved into outbox rows in the same transaction, so an event
/// exists exactly when its change committed. Workers publish them afterwards (see docs/adr/002-transactional-outbox.md).
/// </summary>
public sealed class OutboxInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var sequence = 0;
        var sources = context.ChangeTracker.Entries<Entity>().Select(e => e.Entity).Where(e => e.DomainEvents.Count > 0).ToList();
        foreach (var entity in sources)
        {
            var companyId = entity switch
            {
                ITenantOwned owned => owned.CompanyId,
                Company company => company.Id,
                _ => throw new InvalidOperationException($"{entity.GetType().Name} raised events but belongs to no company."),
            };
            foreach (var domainEvent in entity.DomainEvents)
            {
                var payload = JsonSerializer.Serialize(domainEvent.Data, domainEvent.Data.GetType(), JsonDefaults.Options);
                // One tick apart, so (OccurredAt, Id) order is the order the domain raised them within this save.
                context.Add(OutboxMessage.Create(companyId, domainEvent.EventType, payload, now.AddTicks(sequence++)));
            }

            entity.ClearDomainEvents();
        }
    }
}
