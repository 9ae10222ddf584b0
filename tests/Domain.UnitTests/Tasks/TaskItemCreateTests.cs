using NovaPulse.Domain.Tasks;

namespace NovaPulse.Domain.UnitTests.Tasks;

public sealed class TaskItemCreateTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid CompanyId = Guid.CreateVersion7();

    private static TaskItem Create(
        string title = "Write the spec", TaskItemStatus status = TaskItemStatus.Todo, Guid? assigneeId = null, IEnumerable<string>? tags = null) =>
        TaskItem.Create(CompanyId, title, "details", status, TaskPriority.High, assigneeId, null, tags, Guid.CreateVersion7(), Now);

    [Fact]
    public void Creating_an_unassigned_task_raises_only_task_created()
    {
        var task = Create();

        var created = Assert.IsType<TaskCreated>(Assert.Single(task.DomainEvents));
        Assert.Equal(task.Id, created.Task.Id);
        Assert.Equal(CompanyId, created.Task.CompanyId);
    }

    [Fact]
    public void Creating_an_assigned_task_raises_task_created_then_task_assigned()
    {
        var assignee = Guid.CreateVersion7();

        var task = Create(assigneeId: assignee);

        Assert.Collection(
            task.DomainEvents,
            e => Assert.IsType<TaskCreated>(e),
            e =>
            {
                var assigned = Assert.IsType<TaskAssigned>(e);
                Assert.Equal(assignee, assigned.Task.AssigneeId);
                Assert.Null(assigned.PreviousAssigneeId);
            });
    }

    [Fact]
    public void A_new_task_starts_at_version_1_with_created_and_updated_at_now()
    {
        var task = Create();

        Assert.Equal(1, task.Version);
        Assert.Equal(Now, task.CreatedAt);
        Assert.Equal(Now, task.UpdatedAt);
        Assert.Null(task.CompletedAt);
    }

    [Fact]
    public void A_task_created_as_done_is_completed_at_creation()
    {
        var task = Create(status: TaskItemStatus.Done);

        Assert.Equal(Now, task.CompletedAt);
    }

    [Fact]
    public void The_title_is_trimmed()
    {
        var task = Create(title: "  Ship it \t");

        Assert.Equal("Ship it", task.Title);
    }

    [Fact]
    public void Tags_are_trimmed_deduplicated_case_insensitively_and_blanks_dropped_keeping_first_seen_order()
    {
        var task = Create(tags: [" urgent ", "Backend", "", "   ", "URGENT", "backend", "api"]);

        Assert.Equal(["urgent", "Backend", "api"], task.Tags);
    }

    [Fact]
    public void Missing_tags_become_an_empty_list()
    {
        Assert.Empty(Create(tags: null).Tags);
    }

    [Fact]
    public void The_due_date_is_stored_in_utc()
    {
        var due = new DateTimeOffset(2026, 3, 10, 17, 0, 0, TimeSpan.FromHours(2));

        var task = TaskItem.Create(CompanyId, "t", null, TaskItemStatus.Todo, TaskPriority.Low, null, due, null, null, Now);

        Assert.Equal(TimeSpan.Zero, task.DueDate!.Value.Offset);
        Assert.Equal(due, task.DueDate);
    }

    [Fact]
    public void Deleting_a_task_raises_task_deleted_with_its_snapshot()
    {
        var task = Create();
        task.ClearDomainEvents();

        task.MarkDeleted();

        var deleted = Assert.IsType<TaskDeleted>(Assert.Single(task.DomainEvents));
        Assert.Equal(task.Id, deleted.Task.Id);
    }
}
