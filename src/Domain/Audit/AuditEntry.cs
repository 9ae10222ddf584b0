using NovaPulse.Domain.Common;

namespace NovaPulse.Domain.Audit;

/// <summary>One mutation of one entity: who, what, which fields changed (old and new), from where and when.</summary>
public sealed class AuditEntry : ITenantOwned
{
    private AuditEntry()
    {
    }

    public Guid Id { get; private init; } = SequentialId.New();

    public Guid CompanyId { get; private set; }

    public Guid? ActorId { get; private set; }

    /// <summary><c>user</c>, <c>api_key</c> or <c>system</c>.</summary>
    public string ActorType { get; private set; } = "";

    /// <summary><c>created</c>, <c>updated</c>, <c>deleted</c> or a named action such as <c>webhook.endpoint_disabled</c>.</summary>
    public string Action { get; private set; } = "";

    public string EntityType { get; private set; } = "";

    public string EntityId { get; private set; } = "";

    /// <summary>JSON object: field name -> { old, new }.</summary>
    public string Changes { get; private set; } = "{}";

    public string? RequestId { get; private set; }

    public string? IpAddress { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public static AuditEntry Record(
        Guid companyId, Guid? actorId, string actorType, string action, string entityType, string entityId,
        string changes, string? requestId, string? ipAddress, DateTimeOffset now) => new()
        {
            CompanyId = companyId,
            ActorId = actorId,
            ActorType = actorType,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Changes = changes,
            RequestId = requestId,
            IpAddress = ipAddress,
            OccurredAt = now,
        };
}
