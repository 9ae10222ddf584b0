namespace NovaPulse.Domain.Common;

/// <summary>
/// Something that happened in the domain; persisted to the outbox in the same transaction as the change. Its public
/// name and wire payload are not the domain's business: Application's <c>EventCatalogue</c> declares them.
/// </summary>
public interface IDomainEvent;
