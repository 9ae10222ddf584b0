using NovaPulse.Application.Tasks.Common;
using NovaPulse.Dashboard.Components.Pages.Tasks;
using NovaPulse.Domain.Tasks;

namespace NovaPulse.Dashboard.ComponentTests;

public sealed class TaskFormTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Creating_sends_the_due_day_as_midnight_utc_and_splits_the_tags()
    {
        var form = new TaskForm { Title = "Ship", DueDate = new DateOnly(2030, 5, 17), Tags = " launch, , blog " };

        var command = form.ToCreateCommand();

        Assert.Equal(new DateTimeOffset(2030, 5, 17, 0, 0, 0, TimeSpan.Zero), command.DueDate);
        Assert.Equal(["launch", "blog"], command.Tags);
        Assert.Equal(TaskItemStatus.Todo, command.Status);
    }

    [Fact]
    public void Editing_sends_every_field_with_the_version_it_was_loaded_at_and_clears_an_emptied_description()
    {
        var task = new TaskDto(Guid.NewGuid(), "Old", "Some text", TaskItemStatus.InProgress, TaskPriority.High, null,
            new DateTimeOffset(2030, 1, 2, 0, 0, 0, TimeSpan.Zero), ["a"], null, Now, Now, null, Version: 4);
        var form = TaskForm.From(task);
        form.Description = "  ";

        var command = form.ToUpdateCommand(task);

        Assert.Equal(4, command.ExpectedVersion);
        Assert.Equal(new DateOnly(2030, 1, 2), form.DueDate);
        Assert.True(command.Description.HasValue);
        Assert.Null(command.Description.Value);
        Assert.Equal(TaskItemStatus.InProgress, command.Status.Value);
        Assert.Equal(["a"], command.Tags.Value!);
    }
}
