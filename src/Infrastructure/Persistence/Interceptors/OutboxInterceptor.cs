using System.Data.Common;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using NovaPulse.Application.Common.Events;
using NovaPulse.Domain.Common;
using NovaPulse.Domain.Companies;
using NovaPulse.Domain.Outbox;
using NovaPulse.Infrastructure.Cluster;
using NovaPulse.Infrastructure.Serialization;

namespace NovaPulse.Infrastructure.Persistence.Interceptors;

/// <summary>
/// Turns the domain events of the entities being saved into outbox rows in the same transaction, so an event
/// exists exactly when its change committed. Workers publish them afterwards (see docs/adr/002-transactional-outbox.md);
/// once such a save commits (by itself, or with the explicit transaction around it) outbox processors and the event
/// streams of the companies concerned are woken, here and on the other hosts.
/// A singleton (the contexts are pooled): whether a context has rows waiting for a commit is kept on the context.
/// </summary>
public sealed class OutboxInterceptor(TimeProvider clock, WakeUps wakeUps)
    : SaveChangesInterceptor, IDbTransactionInterceptor
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

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        WakeIfCommitted(eventData.Context);
        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        WakeIfCommitted(eventData.Context);
        return base.SavedChanges(eventData, result);
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Wake(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Wake(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    private static void Forget(DbContext? context)
    {
        if (context is AppDbContext app)
        {
            app.OutboxPending.Clear();
        }
    }

    /// <summary>Inside an explicit transaction the rows are not visible yet: wait for its commit.</summary>
    private void WakeIfCommitted(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null)
        {
            Wake(context);
        }
    }

    private void Wake(DbContext? context)
    {
        if (context is AppDbContext { OutboxPending.Count: > 0 } app)
        {
            wakeUps.EventsCommitted(app.OutboxPending);
            app.OutboxPending.Clear();
        }
    }

    private void Collect(DbContext? context)
    {
        if (context is not AppDbContext app)
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
                // The row holds the integration event (public name, typed payload) the catalogue builds from the domain event.
                var (type, data) = EventCatalogue.Publish(domainEvent);
                var payload = JsonSerializer.Serialize(data, data.GetType(), JsonDefaults.Options);
                // One microsecond apart (PostgreSQL keeps no finer), so OccurredAt order is the order the domain raised them.
                context.Add(OutboxMessage.Create(companyId, type, payload, now.AddMicroseconds(sequence++)));
            }

            entity.ClearDomainEvents();
        }

        app.OutboxPending.UnionWith(context.ChangeTracker.Entries<OutboxMessage>().Where(e => e.State == EntityState.Added).Select(e => e.Entity.CompanyId));
    }
}
