using NovaPulse.Domain.Common;

namespace NovaPulse.Domain.Outbox;

/// <summary>
/// A domain event stored in the same transaction as the change that raised it, so it exists if and only if the
/// change committed. Background workers publish it afterwards.
/// </summary>
public sealed class OutboxMessage : ITenantOwned
{
    private OutboxMessage()
    {
    }

    public Guid Id { get; private init; } = SequentialId.New();

    public Guid CompanyId { get; private set; }

    public string Type { get; private set; } = "";

    /// <summary>The event's JSON data.</summary>
    public string Payload { get; private set; } = "{}";

    public DateTimeOffset OccurredAt { get; private set; }

    public DateTimeOffset? ProcessedAt { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset? LockedUntil { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>
    /// When the event was parked (dead-lettered) after failing its consumers <c>Outbox:MaxAttempts</c> times: the processor
    /// skips it until an operator requeues it (clears this and <see cref="Attempts"/>).
    /// </summary>
    public DateTimeOffset? ParkedAt { get; private set; }

    public static OutboxMessage Create(Guid companyId, string type, string payload, DateTimeOffset now) => new()
    {
        CompanyId = companyId,
        Type = type,
        Payload = payload,
        OccurredAt = now,
    };

    public void MarkProcessed(DateTimeOffset now)
    {
        ProcessedAt = now;
        LockedUntil = null;
        LastError = null;
    }

    /// <summary>Counts a failed attempt; the <paramref name="maxAttempts"/>th parks the event. Returns whether it did.</summary>
    public bool MarkFailed(string error, DateTimeOffset now, int maxAttempts)
    {
        Attempts++;
        LockedUntil = null;
        LastError = error.Length > 2000 ? error[..2000] : error;
        if (Attempts >= maxAttempts)
        {
            ParkedAt = now;
        }

        return ParkedAt is not null;
    }
}
