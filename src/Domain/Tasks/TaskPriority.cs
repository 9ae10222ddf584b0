namespace NovaPulse.Domain.Tasks;

/// <summary>Ordered so that sorting by priority puts urgent work last (ascending) or first (descending).</summary>
public enum TaskPriority
{
    Low = 0,
    Medium = 1,
    High = 2,
    Urgent = 3,
}
