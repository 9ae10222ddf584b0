namespace NovaPulse.Infrastructure.Workers;

/// <summary>
/// Section <c>Workers</c>: background workers (outbox fan-out, deliveries, cleanup...) run in this process when
/// enabled, so one binary can be deployed as API-only (<c>Workers:Enabled=false</c>) and worker-only instances.
/// </summary>
public sealed class WorkerOptions
{
    public const string SectionName = "Workers";

    public bool Enabled { get; set; } = true;
}
