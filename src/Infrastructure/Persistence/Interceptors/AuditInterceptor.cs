using System.Reflection;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Domain.ApiKeys;
using NovaPulse.Domain.Audit;
using NovaPulse.Domain.Common;
using NovaPulse.Domain.Companies;
using NovaPulse.Domain.Tasks;
using NovaPulse.Domain.Uploads;
using NovaPulse.Domain.Users;
using NovaPulse.Domain.Webhooks;
using NovaPulse.Infrastructure.Serialization;

namespace NovaPulse.Infrastructure.Persistence.Interceptors;

/// <summary>
/// Writes one audit entry per created, changed or deleted auditable entity, in the same transaction. A singleton (the
/// contexts are pooled): the actor is the context's <see cref="AppDbContext.CurrentUser"/>.
/// </summary>
public sealed class AuditInterceptor(IRequestContext request, TimeProvider clock) : SaveChangesInterceptor
{
    private const string Redacted = "[redacted]";

    private static readonly Dictionary<Type, string> EntityNames = new()
    {
        [typeof(TaskItem)] = "task",
        [typeof(User)] = "member",
        [typeof(ApiKey)] = "api_key",
        [typeof(Company)] = "company",
        [typeof(Upload)] = "upload",
        [typeof(WebhookEndpoint)] = "webhook_endpoint",
    };

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Audit(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Audit(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    /// <summary>The audit name of an entity type, e.g. <c>task</c> for <see cref="TaskItem"/>.</summary>
    public static string EntityName(Type type) =>
        EntityNames.TryGetValue(type, out var name) ? name : JsonNamingPolicy.SnakeCaseLower.ConvertName(type.Name);

    private void Audit(DbContext? context)
    {
        if (context is not AppDbContext { CurrentUser: var currentUser })
        {
            return;
        }

        var now = clock.GetUtcNow();
        var entries = context.ChangeTracker.Entries()
            .Where(e => e.Entity is IAuditable && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        foreach (var entry in entries)
        {
            var companyId = entry.Entity switch
            {
                ITenantOwned owned => owned.CompanyId,
                Company company => company.Id,
                _ => Guid.Empty,
            };
            if (entry is { State: EntityState.Modified, Entity: IHasAuditedAction { PendingAuditedAction: { } action } named })
            {
                // The platform's own action: its actor is the platform, whoever's request happened to trigger it.
                context.Add(AuditEntry.Record(
                    companyId, null, "system", action.Name, EntityName(entry.Metadata.ClrType),
                    entry.Property(nameof(Entity.Id)).CurrentValue?.ToString() ?? "",
                    JsonSerializer.Serialize(Values(entry, action.Properties), JsonDefaults.Options), null, null, now));
                named.ClearPendingAuditedAction();
                continue;
            }

            var changes = Changes(entry);
            if (entry.State == EntityState.Modified && changes.Count == 0)
            {
                continue;
            }

            var (actorId, actorType) = currentUser switch
            {
                { ApiKeyId: { } keyId } => ((Guid?)keyId, "api_key"),
                { UserId: { } userId } => (userId, "user"),
                _ => (null, "system"),
            };
            context.Add(AuditEntry.Record(
                companyId,
                actorId,
                actorType,
                entry.State switch
                {
                    EntityState.Added => "created",
                    EntityState.Deleted => "deleted",
                    _ => "updated",
                },
                EntityName(entry.Metadata.ClrType),
                entry.Property(nameof(Entity.Id)).CurrentValue?.ToString() ?? "",
                JsonSerializer.Serialize(changes, JsonDefaults.Options),
                request.RequestId,
                request.IpAddress,
                now));
        }
    }

    private static Dictionary<string, object?> Changes(EntityEntry entry)
    {
        var changes = new Dictionary<string, object?>();
        foreach (var property in entry.Properties)
        {
            if (property.Metadata.IsPrimaryKey() || property.Metadata.IsShadowProperty())
            {
                continue;
            }

            var old = entry.State == EntityState.Added ? null : property.OriginalValue;
            var @new = entry.State == EntityState.Deleted ? null : property.CurrentValue;
            if (entry.State == EntityState.Modified && (!property.IsModified || Equals(old, @new) || SameSequence(old, @new)))
            {
                continue;
            }

            changes[JsonNamingPolicy.CamelCase.ConvertName(property.Metadata.Name)] = Change(property, old, @new);
        }

        return changes;
    }

    /// <summary>Old and new values of the named properties, in the order named, changed or not.</summary>
    private static Dictionary<string, object?> Values(EntityEntry entry, IEnumerable<string> properties) =>
        properties.Select(entry.Property).ToDictionary(
            p => JsonNamingPolicy.CamelCase.ConvertName(p.Metadata.Name), p => (object?)Change(p, p.OriginalValue, p.CurrentValue));

    private static object Change(PropertyEntry property, object? old, object? @new) =>
        property.Metadata.PropertyInfo?.GetCustomAttribute<SensitiveAttribute>() is not null
            ? new { old = old is null ? null : Redacted, @new = @new is null ? null : Redacted }
            : new { old, @new };

    private static bool SameSequence(object? a, object? b) =>
        a is IEnumerable<string> x && b is IEnumerable<string> y && x.SequenceEqual(y);
}
