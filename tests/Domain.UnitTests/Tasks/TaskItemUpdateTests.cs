using NovaPulse.Domain.Common;
using NovaPulse.Domain.Tasks;

namespace NovaPulse.Domain.UnitTests.Tasks;

public sealed class TaskItemUpdateTests
{
    private static readonly DateTimeOffset Created = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = Created.AddHours(2);

    private static TaskItem NewTask(TaskItemStatus status = TaskItemStatus.Todo, Guid? assigneeId = null)
    {
        var task = TaskItem.Create(
            Guid.CreateVersion7(), "Title", "Description", status, TaskPriority.Medium, assigneeId, null, ["a", "b"], null, Created);
        task.ClearDomainEvents();
        return task;
    }

    [Fact]
    public void Changing_fields_raises_task_updated_listing_exactly_the_changed_fields()
    {
        var task = NewTask();

        task.Update(new TaskChanges(Title: "New title", Priority: TaskPriority.Urgent, Description: Optional<string?>.Of(null)), Later);

        var updated = Assert.IsType<TaskUpdated>(Assert.Single(task.DomainEvents));
        Assert.Equal(["title", "description", "priority"], updated.ChangedFields);
        Assert.Equal("New title", updated.Task.Title);
        Assert.Null(task.Description);
        Assert.Equal(TaskPriority.Urgent, task.Priority);
    }

    [Fact]
    public void Every_effective_change_increments_the_version_and_moves_updated_at()
    {
        var task = NewTask();

        task.Update(new TaskChanges(Title: "Two"), Later);
        task.Update(new TaskChanges(Title: "Three"), Later.AddMinutes(1));

        Assert.Equal(3, task.Version);
        Assert.Equal(Later.AddMinutes(1), task.UpdatedAt);
        Assert.Equal(Created, task.CreatedAt);
    }

    [Fact]
    public void An_update_that_changes_nothing_raises_no_event_and_keeps_the_version()
    {
        var task = NewTask(assigneeId: Guid.CreateVersion7());
        task.ClearDomainEvents();

        task.Update(
            new TaskChanges(
                Title: "  Title  ",
                Description: Optional<string?>.Of("Description"),
                Status: TaskItemStatus.Todo,
                Priority: TaskPriority.Medium,
                AssigneeId: Optional<Guid?>.Of(task.AssigneeId),
                DueDate: Optional<DateTimeOffset?>.Of(null),
                Tags: Optional<IReadOnlyList<string>?>.Of([" a ", "b", "B", ""])),
            Later);

        Assert.Empty(task.DomainEvents);
        Assert.Equal(1, task.Version);
        Assert.Equal(Created, task.UpdatedAt);
    }

    [Fact]
    public void An_empty_change_set_changes_nothing()
    {
        var task = NewTask();

        task.Update(new TaskChanges(), Later);

        Assert.Empty(task.DomainEvents);
        Assert.Equal(1, task.Version);
    }

    [Fact]
    public void Changing_the_assignee_raises_task_assigned_with_the_previous_assignee()
    {
        var first = Guid.CreateVersion7();
        var second = Guid.CreateVersion7();
        var task = NewTask(assigneeId: first);

        task.Update(new TaskChanges(AssigneeId: Optional<Guid?>.Of(second)), Later);

        Assert.Collection(
            task.DomainEvents,
            e => Assert.Equal(["assigneeId"], Assert.IsType<TaskUpdated>(e).ChangedFields),
            e =>
            {
                var assigned = Assert.IsType<TaskAssigned>(e);
                Assert.Equal(second, assigned.Task.AssigneeId);
                Assert.Equal(first, assigned.PreviousAssigneeId);
            });
    }

    [Fact]
    public void Unassigning_a_task_is_an_update_but_not_an_assignment()
    {
        var task = NewTask(assigneeId: Guid.CreateVersion7());

        task.Update(new TaskChanges(AssigneeId: Optional<Guid?>.Of(null)), Later);

        var updated = Assert.IsType<TaskUpdated>(Assert.Single(task.DomainEvents));
        Assert.Equal(["assigneeId"], updated.ChangedFields);
        Assert.Null(task.AssigneeId);
    }

    [Fact]
    public void Moving_to_done_raises_task_completed_and_sets_completed_at()
    {
        var task = NewTask(TaskItemStatus.InProgress);

        task.Update(new TaskChanges(Status: TaskItemStatus.Done), Later);

        Assert.Collection(
            task.DomainEvents,
            e => Assert.Equal(["status"], Assert.IsType<TaskUpdated>(e).ChangedFields),
            e =>
            {
                var completed = Assert.IsType<TaskCompleted>(e);
                Assert.Equal(Later, completed.Task.CompletedAt);
            });
        Assert.Equal(Later, task.CompletedAt);
    }

    [Fact]
    public void Reopening_a_done_task_clears_completed_at_without_a_completed_event()
    {
        var task = NewTask(TaskItemStatus.Done);
        Assert.Equal(Created, task.CompletedAt);

        task.Update(new TaskChanges(Status: TaskItemStatus.InProgress), Later);

        Assert.Null(task.CompletedAt);
        Assert.DoesNotContain(task.DomainEvents, e => e is TaskCompleted);
    }

    [Fact]
    public void Setting_done_on_a_task_already_done_raises_nothing()
    {
        var task = NewTask(TaskItemStatus.Done);

        task.Update(new TaskChanges(Status: TaskItemStatus.Done), Later);

        Assert.Empty(task.DomainEvents);
        Assert.Equal(Created, task.CompletedAt);
    }

    [Fact]
    public void Tags_are_normalized_on_update()
    {
        var task = NewTask();

        task.Update(new TaskChanges(Tags: Optional<IReadOnlyList<string>?>.Of(["  x ", "", "X", "y", " "])), Later);

        Assert.Equal(["x", "y"], task.Tags);
        Assert.Equal(["tags"], Assert.IsType<TaskUpdated>(Assert.Single(task.DomainEvents)).ChangedFields);
    }

    [Fact]
    public void Reordering_tags_is_a_change()
    {
        var task = NewTask();

        task.Update(new TaskChanges(Tags: Optional<IReadOnlyList<string>?>.Of(["b", "a"])), Later);

        Assert.Equal(["b", "a"], task.Tags);
        Assert.Equal(2, task.Version);
    }

    [Fact]
    public void A_due_date_given_in_another_offset_but_the_same_instant_is_not_a_change()
    {
        var task = NewTask();
        task.Update(new TaskChanges(DueDate: Optional<DateTimeOffset?>.Of(new DateTimeOffset(2026, 4, 1, 12, 0, 0, TimeSpan.Zero))), Later);
        task.ClearDomainEvents();

        task.Update(new TaskChanges(DueDate: Optional<DateTimeOffset?>.Of(new DateTimeOffset(2026, 4, 1, 14, 0, 0, TimeSpan.FromHours(2)))), Later);

        Assert.Empty(task.DomainEvents);
        Assert.Equal(2, task.Version);
    }

    [Fact]
    public void Clearing_the_due_date_is_a_change()
    {
        var task = NewTask();
        task.Update(new TaskChanges(DueDate: Optional<DateTimeOffset?>.Of(Later)), Later);
        task.ClearDomainEvents();

        task.Update(new TaskChanges(DueDate: Optional<DateTimeOffset?>.Of(null)), Later);

        Assert.Null(task.DueDate);
        Assert.Equal(["dueDate"], Assert.IsType<TaskUpdated>(Assert.Single(task.DomainEvents)).ChangedFields);
    }

    [Fact]
    public void The_event_snapshot_does_not_change_when_the_task_changes_later()
    {
        var task = NewTask();
        task.Update(new TaskChanges(Tags: Optional<IReadOnlyList<string>?>.Of(["first"])), Later);
        var snapshot = Assert.IsType<TaskUpdated>(Assert.Single(task.DomainEvents)).Task;

        task.Update(new TaskChanges(Title: "Other", Tags: Optional<IReadOnlyList<string>?>.Of(["second"])), Later);

        Assert.Equal("Title", snapshot.Title);
        Assert.Equal(["first"], snapshot.Tags);
    }
}
