using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Billing.Common;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Tasks.Delete;
using NovaPulse.Domain.Common;
using static NovaPulse.Application.UnitTests.TestTasks;

namespace NovaPulse.Application.UnitTests.Tasks;

public sealed class DeleteTaskCommandHandlerTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private async Task DeleteAsync(DeleteTaskCommand command)
    {
        await using var context = _database.NewContext();
        var plans = new PlanCatalog(new TestOptions<BillingOptions>(new BillingOptions()));
        await new DeleteTaskCommandHandler(context, new PlanLimitGuard(context, plans, _database.Clock)).Handle(command, CancellationToken.None);
    }

    [Fact]
    public async Task Deleting_a_task_removes_it_gives_its_slot_back_and_writes_a_task_deleted_row()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        _database.CurrentUser.SignInAs(acme.Owner);
        var task = await _database.CreateTaskAsync(NewTask("Doomed"));
        await using (var before = _database.NewContext())
        {
            Assert.Equal(1, await before.Companies.Where(c => c.Id == acme.Company.Id).Select(c => c.TaskCount).SingleAsync());
        }

        await DeleteAsync(new DeleteTaskCommand(task.Id, ExpectedVersion: 1));

        await using var context = _database.NewContext();
        Assert.False(await context.Tasks.AnyAsync());
        Assert.Single(await context.OutboxMessages.Where(m => m.Type == "task.deleted").ToListAsync());
        Assert.Equal(0, await context.Companies.Where(c => c.Id == acme.Company.Id).Select(c => c.TaskCount).SingleAsync());
    }

    [Fact]
    public async Task Deleting_with_a_stale_expected_version_fails_the_precondition_and_keeps_the_task()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        _database.CurrentUser.SignInAs(acme.Owner);
        var task = await _database.CreateTaskAsync(NewTask("Edited meanwhile"));
        await _database.UpdateTaskAsync(Change(task.Id) with { Title = Optional<string?>.Of("Edited") });

        await AppErrorAssert.ThrowsAsync(ErrorKind.PreconditionFailed, () => DeleteAsync(new DeleteTaskCommand(task.Id, ExpectedVersion: 1)));

        await using var context = _database.NewContext();
        Assert.True(await context.Tasks.AnyAsync(t => t.Id == task.Id));
    }
}
