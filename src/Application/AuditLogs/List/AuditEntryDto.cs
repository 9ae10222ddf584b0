using System.Text.Json;
using NovaPulse.Domain.Audit;

namespace NovaPulse.Application.AuditLogs.List;

/// <summary>One audit entry; <see cref="Changes"/> maps each changed field to its old and new value.</summary>
public sealed record AuditEntryDto(
    Guid Id,
    Guid? ActorId,
    string ActorType,
    string Action,
    string EntityType,
    string EntityId,
    JsonElement Changes,
    string? RequestId,
    string? IpAddress,
    DateTimeOffset OccurredAt)
{
    public static AuditEntryDto From(AuditEntry e)
    {
        using var changes = JsonDocument.Parse(e.Changes);
        return new(e.Id, e.ActorId, e.ActorType, e.Action, e.EntityType, e.EntityId, changes.RootElement.Clone(), e.RequestId, e.IpAddress, e.OccurredAt);
    }
}
