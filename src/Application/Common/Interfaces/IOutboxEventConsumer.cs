namespace NovaPulse.Application.Common.Interfaces;

/// <summary>
/// Reacts to committed domain events read from the outbox (webhook fan-out, integration notifications...). The outbox
/// processor calls every registered consumer inside one transaction and marks the event processed in it, so a
/// consumer only stages its writes on <see cref="IAppDbContext"/> (no <c>SaveChanges</c>): they commit with the mark, or
/// not at all and the event is retried. Consumers must therefore be idempotent per event id.
/// </summary>
public interface IOutboxEventConsumer
{
    ValueTask ConsumeAsync(OutboxEvent outboxEvent, CancellationToken cancellationToken);
}

/// <summary>A committed domain event: its id is stable and public (it becomes the webhook message id).</summary>
public sealed record OutboxEvent(Guid Id, Guid CompanyId, string Type, string Payload, DateTimeOffset OccurredAt);
