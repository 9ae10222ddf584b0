using System.Globalization;

namespace NovaPulse.Infrastructure.Cluster;

/// <summary>
/// One notice on the PostgreSQL channel <see cref="Channel"/>: <c>origin kind [id]</c>, where the origin is the sending
/// process (it ignores its own notices: it acted on them already) and the id, when the kind needs one, a Guid.
/// </summary>
public sealed record ClusterNotice(Guid Origin, string Kind, Guid? Id)
{
    public const string Channel = "novapulse";

    /// <summary>Outbox events were committed: wake outbox processors.</summary>
    public const string Outbox = "outbox";

    /// <summary>Outbox events of the company in the id were committed: wake that company's open event streams.</summary>
    public const string Events = "events";

    /// <summary>Webhook deliveries or integration notifications were staged: wake delivery and notification workers.</summary>
    public const string Deliveries = "deliveries";

    public string Format() => Id is { } id
        ? string.Create(CultureInfo.InvariantCulture, $"{Origin:N} {Kind} {id:N}")
        : string.Create(CultureInfo.InvariantCulture, $"{Origin:N} {Kind}");

    /// <summary>Null for a payload this version does not understand (a newer host's, during a rolling upgrade).</summary>
    public static ClusterNotice? Parse(string payload)
    {
        var parts = payload.Split(' ');
        if (parts.Length is < 2 or > 3 || !Guid.TryParseExact(parts[0], "N", out var origin))
        {
            return null;
        }

        if (parts.Length == 2)
        {
            return new ClusterNotice(origin, parts[1], null);
        }

        return Guid.TryParseExact(parts[2], "N", out var id) ? new ClusterNotice(origin, parts[1], id) : null;
    }
}
