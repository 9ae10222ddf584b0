using FluentValidation;
using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Tasks.Common;
using NovaPulse.Domain.Common;
using NovaPulse.Domain.Tasks;
using static NovaPulse.Application.UnitTests.TestTasks;

namespace NovaPulse.Application.UnitTests.Tasks;

public sealed class UpdateTaskCommandHandlerTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private async Task<(TestTenant Acme, TaskDto Task)> SeedAsync()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        _database.CurrentUser.SignInAs(acme.Owner);
        var task = await _database.CreateTaskAsync(
            NewTask("Original", priority: TaskPriority.Low, assigneeId: acme.Owner.Id, tags: ["a"], description: "Keep me"));
        _database.Clock.Advance(TimeSpan.FromMinutes(1));
        return (acme, task);
    }

    private async Task<TaskItem> ReloadAsync(Guid id)
    {
        await using var context = _database.NewContext();
        return await context.Tasks.AsNoTracking().SingleAsync(t => t.Id == id);
    }

    [Fact]
    public async Task Updating_with_a_stale_expected_version_fails_the_precondition_and_changes_nothing()
    {
        var (_, task) = await SeedAsync();
        await _database.UpdateTaskAsync(Change(task.Id, expectedVersion: 1) with { Title = Optional<string?>.Of("Second") });

        await AppErrorAssert.ThrowsAsync(ErrorKind.PreconditionFailed,
            () => _database.UpdateTaskAsync(Change(task.Id, expectedVersion: 1) with { Title = Optional<string?>.Of("Lost update") }));

        var stored = await ReloadAsync(task.Id);
        Assert.Equal("Second", stored.Title);
        Assert.Equal(2, stored.Version);
    }

    [Fact]
    public async Task Updating_with_the_current_version_applies_the_change_and_bumps_the_version()
    {
        var (_, task) = await SeedAsync();

        var updated = await _database.UpdateTaskAsync(Change(task.Id, expectedVersion: 1) with { Status = Optional<TaskItemStatus?>.Of(TaskItemStatus.Done) });

        Assert.Equal(2, updated.Version);
        Assert.Equal(TaskItemStatus.Done, updated.Status);
        Assert.Equal(_database.Clock.GetUtcNow(), updated.CompletedAt);
        Assert.Equal(_database.Clock.GetUtcNow(), updated.UpdatedAt);
        Assert.Equal(2, (await ReloadAsync(task.Id)).Version);
    }

    [Fact]
    public async Task Absent_fields_stay_as_they_are()
    {
        var (acme, task) = await SeedAsync();

        await _database.UpdateTaskAsync(Change(task.Id) with { Title = Optional<string?>.Of("Renamed") });

        var stored = await ReloadAsync(task.Id);
        Assert.Equal("Renamed", stored.Title);
        Assert.Equal("Keep me", stored.Description);
        Assert.Equal(TaskPriority.Low, stored.Priority);
        Assert.Equal(acme.Owner.Id, stored.AssigneeId);
        Assert.Equal(["a"], stored.Tags);
    }

    [Fact]
    public async Task Present_nulls_clear_the_description_and_the_assignee()
    {
        var (_, task) = await SeedAsync();

        await _database.UpdateTaskAsync(Change(task.Id) with { Description = Optional<string?>.Of(null), AssigneeId = Optional<Guid?>.Of(null) });

        var stored = await ReloadAsync(task.Id);
        Assert.Null(stored.Description);
        Assert.Null(stored.AssigneeId);
    }

    [Fact]
    public async Task An_update_that_changes_nothing_keeps_the_version()
    {
        var (_, task) = await SeedAsync();

        var result = await _database.UpdateTaskAsync(Change(task.Id, expectedVersion: 1) with { Title = Optional<string?>.Of("Original") });

        Assert.Equal(1, result.Version);
        Assert.Equal(task.UpdatedAt, (await ReloadAsync(task.Id)).UpdatedAt);
    }

    [Fact]
    public async Task Reassigning_to_a_member_of_another_company_is_a_validation_error()
    {
        var (acme, task) = await SeedAsync();
        var globex = await TestTenant.CreateAsync(_database, "Globex");
        _database.CurrentUser.SignInAs(acme.Owner);

        await Assert.ThrowsAsync<ValidationException>(() => _database.UpdateTaskAsync(Change(task.Id) with { AssigneeId = Optional<Guid?>.Of(globex.Owner.Id) }));

        Assert.Equal(acme.Owner.Id, (await ReloadAsync(task.Id)).AssigneeId);
    }

    [Fact]
    public async Task Updating_an_unknown_task_is_not_found()
    {
        await SeedAsync();

        await AppErrorAssert.ThrowsAsync(ErrorKind.NotFound, () => _database.UpdateTaskAsync(Change(Guid.CreateVersion7()) with { Title = Optional<string?>.Of("x") }));
    }
}
