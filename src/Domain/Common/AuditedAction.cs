namespace NovaPulse.Domain.Common;

/// <summary>
/// A change the platform makes and names itself (<c>webhook.endpoint_disabled</c>) instead of a caller's plain update:
/// its audit entry takes <see cref="Name"/> as the action and the platform (<c>system</c>) as the actor, and records the
/// old and new values of exactly <see cref="Properties"/>, changed or not (an unchanged one gives context).
/// </summary>
public sealed record AuditedAction(string Name, IReadOnlyList<string> Properties);

/// <summary>An auditable entity whose next save may be an <see cref="AuditedAction"/> rather than a plain update.</summary>
public interface IHasAuditedAction : IAuditable
{
    /// <summary>The action the entity's pending change is, or null for a plain update.</summary>
    AuditedAction? PendingAuditedAction { get; }

    /// <summary>Called once the action's audit entry is written.</summary>
    void ClearPendingAuditedAction();
}
