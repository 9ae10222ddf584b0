namespace NovaPulse.Application.Events.Common;

/// <summary>A committed outbox event of the caller's company, as the event stream sends it.</summary>
public sealed record StreamedEvent(Guid Id, string Type, DateTimeOffset OccurredAt, string Payload);
