using NovaPulse.Domain.Common;

namespace NovaPulse.Domain.Tasks;

public sealed record TaskCreated(TaskSnapshot Task) : IDomainEvent
{
    public string EventType => "task.created";

    public object Data => Task;
}

public sealed record TaskUpdated(TaskSnapshot Task, IReadOnlyList<string> ChangedFields) : IDomainEvent
{
    public string EventType => "task.updated";

    public object Data => new { task = Task, changedFields = ChangedFields };
}

public sealed record TaskAssigned(TaskSnapshot Task, Guid? PreviousAssigneeId) : IDomainEvent
{
    public string EventType => "task.assigned";

    public object Data => new { task = Task, previousAssigneeId = PreviousAssigneeId };
}

public sealed record TaskCompleted(TaskSnapshot Task) : IDomainEvent
{
    public string EventType => "task.completed";

    public object Data => Task;
}

public sealed record TaskDeleted(TaskSnapshot Task) : IDomainEvent
{
    public string EventType => "task.deleted";

    public object Data => Task;
}
