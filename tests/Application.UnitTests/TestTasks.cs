using NovaPulse.Application.Billing.Common;
using NovaPulse.Application.Common.Paging;
using NovaPulse.Application.Tasks.Common;
using NovaPulse.Application.Tasks.Create;
using NovaPulse.Application.Tasks.List;
using NovaPulse.Application.Tasks.Update;
using NovaPulse.Domain.Common;
using NovaPulse.Domain.Tasks;

namespace NovaPulse.Application.UnitTests;

/// <summary>Runs the task use cases against a <see cref="TestDatabase"/> as the current user, one unit of work each.</summary>
public static class TestTasks
{
    public static CreateTaskCommand NewTask(
        string title, TaskItemStatus? status = null, TaskPriority? priority = null, Guid? assigneeId = null,
        IReadOnlyList<string>? tags = null, string? description = null, DateTimeOffset? dueDate = null) =>
        new(title, description, status, priority, assigneeId, dueDate, tags);

    /// <summary>An update of task <paramref name="id"/> with every field absent; set the ones to change with <c>with</c>.</summary>
    public static UpdateTaskCommand Change(Guid id, int? expectedVersion = null) => new(
        id, expectedVersion,
        Optional<string?>.Absent, Optional<string?>.Absent, Optional<TaskItemStatus?>.Absent, Optional<TaskPriority?>.Absent,
        Optional<Guid?>.Absent, Optional<DateTimeOffset?>.Absent, Optional<IReadOnlyList<string>?>.Absent);

    public static async Task<TaskDto> CreateTaskAsync(this TestDatabase database, CreateTaskCommand command)
    {
        await using var context = database.NewContext();
        var plans = new PlanCatalog(new TestOptions<BillingOptions>(new BillingOptions()));
        return await new CreateTaskCommandHandler(context, database.CurrentUser, new PlanLimitGuard(context, plans, database.Clock), database.Clock)
            .Handle(command, CancellationToken.None);
    }

    public static async Task<TaskDto> UpdateTaskAsync(this TestDatabase database, UpdateTaskCommand command)
    {
        await using var context = database.NewContext();
        return await new UpdateTaskCommandHandler(context, database.Clock).Handle(command, CancellationToken.None);
    }

    public static async Task<Page<TaskDto>> ListTasksAsync(this TestDatabase database, ListTasksQuery query)
    {
        await using var context = database.NewContext();
        return await new ListTasksQueryHandler(context).Handle(query, CancellationToken.None);
    }
}
