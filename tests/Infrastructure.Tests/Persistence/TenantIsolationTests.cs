using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Tasks.Get;
using NovaPulse.Application.Tasks.List;
using NovaPulse.Application.UnitTests;
using NovaPulse.Domain.ApiKeys;
using NovaPulse.Domain.Common;
using NovaPulse.Domain.Tasks;
using static NovaPulse.Application.UnitTests.TestTasks;

namespace NovaPulse.Infrastructure.Tests.Persistence;

public sealed class TenantIsolationTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    /// <summary>Acme has a task; the test continues signed in as Globex's owner.</summary>
    private async Task<(TestTenant Acme, TestTenant Globex, Guid AcmeTaskId)> SeedAsync()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        var globex = await TestTenant.CreateAsync(_database, "Globex");
        _database.CurrentUser.SignInAs(acme.Owner);
        var task = await _database.CreateTaskAsync(NewTask("Acme secret plan"));
        _database.CurrentUser.SignInAs(globex.Owner);
        return (acme, globex, task.Id);
    }

    [Fact]
    public async Task A_caller_of_another_company_does_not_see_the_tasks_in_lists()
    {
        await SeedAsync();
        await _database.CreateTaskAsync(NewTask("Globex own task"));

        var page = await _database.ListTasksAsync(new ListTasksQuery());

        Assert.Equal(["Globex own task"], page.Items.Select(t => t.Title));
    }

    [Fact]
    public async Task Getting_another_companys_task_by_id_is_not_found()
    {
        var (_, _, acmeTaskId) = await SeedAsync();

        await using var context = _database.NewContext();
        await AppErrorAssert.ThrowsAsync(ErrorKind.NotFound,
            async () => await new GetTaskQueryHandler(context).Handle(new GetTaskQuery(acmeTaskId), CancellationToken.None));
    }

    [Fact]
    public async Task Updating_another_companys_task_is_not_found_and_changes_nothing()
    {
        var (_, _, acmeTaskId) = await SeedAsync();

        await AppErrorAssert.ThrowsAsync(ErrorKind.NotFound,
            () => _database.UpdateTaskAsync(Change(acmeTaskId) with { Title = Optional<string?>.Of("Hijacked") }));

        await using var context = _database.NewContext();
        Assert.Equal("Acme secret plan", (await context.Tasks.IgnoreQueryFilters().SingleAsync(t => t.Id == acmeTaskId)).Title);
    }

    [Fact]
    public async Task Other_companies_members_audit_entries_and_outbox_rows_are_invisible_too()
    {
        var (_, globex, _) = await SeedAsync();

        await using var context = _database.NewContext();
        Assert.Equal([globex.Owner.Id], await context.Users.Select(u => u.Id).ToListAsync());
        Assert.All(await context.AuditEntries.ToListAsync(), e => Assert.Equal(globex.Company.Id, e.CompanyId));
        Assert.All(await context.OutboxMessages.ToListAsync(), m => Assert.Equal(globex.Company.Id, m.CompanyId));
        Assert.Contains(await context.OutboxMessages.IgnoreQueryFilters().ToListAsync(), m => m.Type == "task.created");
    }

    [Fact]
    public async Task An_anonymous_context_sees_no_tenant_owned_rows()
    {
        await SeedAsync();
        _database.CurrentUser.SignOut();

        await using var context = _database.NewContext();
        Assert.Equal(0, await context.Tasks.CountAsync());
        Assert.Equal(0, await context.Users.CountAsync());
    }

    [Fact]
    public async Task The_tenant_stamp_interceptor_refuses_a_write_to_another_companys_row()
    {
        var (_, _, acmeTaskId) = await SeedAsync();

        await using (var context = _database.NewContext())
        {
            var acmeTask = await context.Tasks.IgnoreQueryFilters().SingleAsync(t => t.Id == acmeTaskId);
            acmeTask.Update(new TaskChanges(Title: "Hijacked"), _database.Clock.GetUtcNow());

            await Assert.ThrowsAsync<InvalidOperationException>(() => context.SaveChangesAsync());
        }

        await using var check = _database.NewContext();
        Assert.Equal("Acme secret plan", (await check.Tasks.IgnoreQueryFilters().SingleAsync(t => t.Id == acmeTaskId)).Title);
    }

    [Fact]
    public async Task The_tenant_stamp_interceptor_refuses_to_delete_another_companys_row()
    {
        var (_, _, acmeTaskId) = await SeedAsync();

        await using (var context = _database.NewContext())
        {
            context.Tasks.Remove(await context.Tasks.IgnoreQueryFilters().SingleAsync(t => t.Id == acmeTaskId));

            await Assert.ThrowsAsync<InvalidOperationException>(() => context.SaveChangesAsync());
        }

        await using var check = _database.NewContext();
        Assert.True(await check.Tasks.IgnoreQueryFilters().AnyAsync(t => t.Id == acmeTaskId));
    }

    [Fact]
    public async Task The_tenant_stamp_interceptor_refuses_a_new_row_stamped_with_another_company()
    {
        var (acme, globex, _) = await SeedAsync();

        await using var context = _database.NewContext();
        context.Tasks.Add(TaskItem.Create(
            acme.Company.Id, "Planted", null, TaskItemStatus.Todo, TaskPriority.Low, null, null, null, globex.Owner.Id, _database.Clock.GetUtcNow()));

        await Assert.ThrowsAsync<InvalidOperationException>(() => context.SaveChangesAsync());
    }

    [Fact]
    public async Task New_rows_without_a_company_get_the_callers_company()
    {
        var (_, globex, _) = await SeedAsync();

        await using (var context = _database.NewContext())
        {
            context.ApiKeys.Add(ApiKey.Create(Guid.Empty, "ci", "np_abc", "hash", Role.Member, globex.Owner.Id, _database.Clock.GetUtcNow()));
            await context.SaveChangesAsync();
        }

        await using var check = _database.NewContext();
        Assert.Equal(globex.Company.Id, (await check.ApiKeys.SingleAsync()).CompanyId);
    }

    [Fact]
    public async Task A_new_row_without_a_company_cannot_be_saved_anonymously()
    {
        await SeedAsync();
        _database.CurrentUser.SignOut();

        await using var context = _database.NewContext();
        context.ApiKeys.Add(ApiKey.Create(Guid.Empty, "ci", "np_abc", "hash", Role.Member, Guid.CreateVersion7(), _database.Clock.GetUtcNow()));

        await Assert.ThrowsAsync<InvalidOperationException>(() => context.SaveChangesAsync());
    }
}
