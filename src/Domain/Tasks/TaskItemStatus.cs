namespace NovaPulse.Domain.Tasks;

public enum TaskItemStatus
{
    Todo = 0,
    InProgress = 1,
    Done = 2,
    Cancelled = 3,
}
