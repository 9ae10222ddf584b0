using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Tasks.Common;
using NovaPulse.Application.Tasks.Get;
using NovaPulse.Domain.Tasks;
using static NovaPulse.Application.UnitTests.TestTasks;

namespace NovaPulse.Application.UnitTests.Tasks;

public sealed class GetTaskQueryHandlerTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private async Task<TaskDto> GetAsync(Guid id)
    {
        await using var context = _database.NewContext();
        return await new GetTaskQueryHandler(context).Handle(new GetTaskQuery(id), CancellationToken.None);
    }

    [Fact]
    public async Task A_task_of_the_callers_company_is_returned_as_stored()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        _database.CurrentUser.SignInAs(acme.Owner);
        var created = await _database.CreateTaskAsync(NewTask("Ship it", TaskItemStatus.InProgress, tags: ["release"]));

        var task = await GetAsync(created.Id);

        Assert.Equal("Ship it", task.Title);
        Assert.Equal(TaskItemStatus.InProgress, task.Status);
        Assert.Equal(["release"], task.Tags);
        Assert.Equal(1, task.Version);
    }

    [Fact]
    public async Task Another_companys_task_is_not_found()
    {
        var globex = await TestTenant.CreateAsync(_database, "Globex");
        _database.CurrentUser.SignInAs(globex.Owner);
        var theirs = await _database.CreateTaskAsync(NewTask("Secret plan"));
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        _database.CurrentUser.SignInAs(acme.Owner);

        var error = await AppErrorAssert.ThrowsAsync(ErrorKind.NotFound, () => GetAsync(theirs.Id));

        Assert.Equal(ErrorCodes.NotFound, error.Code);
    }
}
