using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.UnitTests;
using NovaPulse.Domain.Tasks;
using static NovaPulse.Application.UnitTests.TestTasks;

namespace NovaPulse.Infrastructure.Tests.Persistence;

public sealed class OptimisticConcurrencyTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Of_two_concurrent_updates_from_the_same_version_only_the_first_is_saved()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        _database.CurrentUser.SignInAs(acme.Owner);
        var task = await _database.CreateTaskAsync(NewTask("Shared"));
        await using var first = _database.NewContext();
        await using var second = _database.NewContext();
        var firstCopy = await first.Tasks.SingleAsync(t => t.Id == task.Id);
        var secondCopy = await second.Tasks.SingleAsync(t => t.Id == task.Id);

        firstCopy.Update(new TaskChanges(Title: "First wins"), _database.Clock.GetUtcNow());
        secondCopy.Update(new TaskChanges(Title: "Second loses"), _database.Clock.GetUtcNow());
        await first.SaveChangesAsync();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        await using var check = _database.NewContext();
        var stored = await check.Tasks.SingleAsync(t => t.Id == task.Id);
        Assert.Equal("First wins", stored.Title);
        Assert.Equal(2, stored.Version);
    }
}
