namespace NovaPulse.Domain.Common;

/// <summary>Something that happened in the domain; persisted to the outbox in the same transaction as the change.</summary>
public interface IDomainEvent
{
    /// <summary>Public event type name, e.g. <c>task.created</c>; part of the webhook contract.</summary>
    string EventType { get; }

    /// <summary>The payload published to subscribers.</summary>
    object Data { get; }
}
