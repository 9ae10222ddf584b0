using Mediator;
using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Common.Behaviours;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Tasks.Delete;

namespace NovaPulse.Application.UnitTests.Common;

/// <summary>
/// A save that loses a real race (a task's version moves between this use case's read and its save) reaches callers as an
/// application error: 412 when the use case carried the version the caller saw, 409 <c>concurrent_change</c> without one.
/// </summary>
public sealed class ConcurrencyBehaviourTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task A_lost_race_without_an_expected_version_is_a_concurrent_change_conflict()
    {
        var error = await AppErrorAssert.ThrowsAsync(ErrorKind.Conflict, () => RunLosingRaceAsync(expectedVersion: null));

        Assert.Equal("concurrent_change", error.Code);
        Assert.IsType<DbUpdateConcurrencyException>(error.InnerException);
    }

    [Fact]
    public async Task A_lost_race_with_an_expected_version_fails_its_precondition()
    {
        var error = await AppErrorAssert.ThrowsAsync(ErrorKind.PreconditionFailed, () => RunLosingRaceAsync(expectedVersion: 1));

        Assert.Equal(ErrorCodes.PreconditionFailed, error.Code);
    }

    [Fact]
    public async Task A_save_that_wins_passes_through()
    {
        await TestTenant.CreateSignedInAsync(_database, "Acme");
        var task = await _database.CreateTaskAsync(TestTasks.NewTask("Mine"));

        await new ConcurrencyBehaviour<DeleteTaskCommand, Unit>().Handle(
            new DeleteTaskCommand(task.Id, null),
            async (_, cancellationToken) =>
            {
                await using var context = _database.NewContext();
                context.Tasks.Remove(await context.Tasks.SingleAsync(t => t.Id == task.Id, cancellationToken));
                await context.SaveChangesAsync(cancellationToken);
                return Unit.Value;
            },
            CancellationToken.None);

        await using var check = _database.NewContext();
        Assert.False(await check.Tasks.AnyAsync());
    }

    /// <summary>Reads a task, lets someone else update it, then saves a change from the stale read.</summary>
    private async Task RunLosingRaceAsync(int? expectedVersion)
    {
        await TestTenant.CreateSignedInAsync(_database, "Acme");
        var task = await _database.CreateTaskAsync(TestTasks.NewTask("Contested"));

        await new ConcurrencyBehaviour<DeleteTaskCommand, Unit>().Handle(
            new DeleteTaskCommand(task.Id, expectedVersion),
            async (_, cancellationToken) =>
            {
                await using var context = _database.NewContext();
                var stale = await context.Tasks.SingleAsync(t => t.Id == task.Id, cancellationToken);
                await _database.UpdateTaskAsync(TestTasks.Change(task.Id) with { Title = "Changed meanwhile" });
                context.Tasks.Remove(stale);
                await context.SaveChangesAsync(cancellationToken);
                return Unit.Value;
            },
            CancellationToken.None);
    }
}
