using FluentValidation;
using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Domain.Tasks;
using static NovaPulse.Application.UnitTests.TestTasks;

namespace NovaPulse.Application.UnitTests.Tasks;

public sealed class CreateTaskCommandHandlerTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task A_new_task_belongs_to_the_callers_company_and_records_its_creator()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        _database.CurrentUser.SignInAs(acme.Owner);

        var created = await _database.CreateTaskAsync(NewTask("Write the spec", tags: ["docs", " Docs "]));

        await using var context = _database.NewContext();
        var stored = await context.Tasks.SingleAsync();
        Assert.Equal(created.Id, stored.Id);
        Assert.Equal(acme.Company.Id, stored.CompanyId);
        Assert.Equal(acme.Owner.Id, stored.CreatedBy);
        Assert.Equal(TaskItemStatus.Todo, stored.Status);
        Assert.Equal(TaskPriority.Medium, stored.Priority);
        Assert.Equal(["docs"], stored.Tags);
        Assert.Equal(1, created.Version);
        Assert.Equal(_database.Clock.GetUtcNow(), created.CreatedAt);
    }

    [Fact]
    public async Task A_task_can_be_assigned_to_a_colleague()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        var bob = await acme.AddMemberAsync(_database, "Bob");
        _database.CurrentUser.SignInAs(acme.Owner);

        var created = await _database.CreateTaskAsync(NewTask("Review", assigneeId: bob.Id));

        Assert.Equal(bob.Id, created.AssigneeId);
    }

    [Fact]
    public async Task Assigning_a_new_task_to_a_member_of_another_company_is_a_validation_error()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        var globex = await TestTenant.CreateAsync(_database, "Globex");
        _database.CurrentUser.SignInAs(acme.Owner);

        var ex = await Assert.ThrowsAsync<ValidationException>(() => _database.CreateTaskAsync(NewTask("Spy", assigneeId: globex.Owner.Id)));

        Assert.Contains(ex.Errors, e => e.PropertyName == "AssigneeId");
        await using var context = _database.NewContext();
        Assert.Equal(0, await context.Tasks.IgnoreQueryFilters().CountAsync());
    }

    [Fact]
    public async Task Assigning_a_new_task_to_an_unknown_user_is_a_validation_error()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        _database.CurrentUser.SignInAs(acme.Owner);

        await Assert.ThrowsAsync<ValidationException>(() => _database.CreateTaskAsync(NewTask("Ghost", assigneeId: Guid.CreateVersion7())));
    }

    [Fact]
    public async Task An_anonymous_caller_cannot_create_a_task()
    {
        await TestTenant.CreateAsync(_database, "Acme");

        await AppErrorAssert.ThrowsAsync(ErrorKind.Unauthenticated, () => _database.CreateTaskAsync(NewTask("Nobody's")));
    }
}
