using NovaPulse.Domain.Common;

namespace NovaPulse.Domain.Events;

/// <summary>
/// One open event stream of a principal (a member or an API key), held in the database so the per-principal limit counts
/// the streams of every host. The host renews <see cref="ExpiresAt"/> while the stream is open and deletes the row when it
/// ends; a crashed host's rows simply expire.
/// </summary>
public sealed class EventStreamLease : ITenantOwned
{
    private EventStreamLease()
    {
    }

    public Guid Id { get; private init; } = SequentialId.New();

    public Guid CompanyId { get; private set; }

    /// <summary><c>user:{id}</c> or <c>key:{id}</c>: whose stream it is.</summary>
    public string Principal { get; private set; } = "";

    public DateTimeOffset OpenedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public static EventStreamLease Open(Guid companyId, string principal, DateTimeOffset now, TimeSpan duration) => new()
    {
        CompanyId = companyId,
        Principal = principal,
        OpenedAt = now,
        ExpiresAt = now + duration,
    };
}
