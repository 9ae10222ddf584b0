using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.UnitTests;
using NovaPulse.Domain.Common;
using NovaPulse.Domain.Outbox;
using NovaPulse.Domain.Tasks;
using NovaPulse.Domain.Users;
using static NovaPulse.Application.UnitTests.TestTasks;

namespace NovaPulse.Infrastructure.Tests.Persistence;

public sealed class OutboxInterceptorTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private async Task<List<OutboxMessage>> OutboxAsync()
    {
        await using var context = _database.NewContext();
        return await context.OutboxMessages.IgnoreQueryFilters().ToListAsync();
    }

    /// <summary>Rows written since <paramref name="before"/> was read, ordered by type (rows of one save share their timestamp).</summary>
    private async Task<List<OutboxMessage>> NewRowsSinceAsync(IEnumerable<OutboxMessage> before)
    {
        var known = before.Select(m => m.Id).ToHashSet();
        return [.. (await OutboxAsync()).Where(m => !known.Contains(m.Id)).OrderBy(m => m.Type, StringComparer.Ordinal)];
    }

    private TaskItem NewTaskItem(Guid companyId, Guid? assigneeId = null) =>
        TaskItem.Create(companyId, "Direct", null, TaskItemStatus.Todo, TaskPriority.Low, assigneeId, null, null, null, _database.Clock.GetUtcNow());

    [Fact]
    public async Task Creating_a_member_writes_a_member_joined_row_for_their_company()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");

        var joined = Assert.Single(await OutboxAsync());

        Assert.Equal("member.joined", joined.Type);
        Assert.Equal(acme.Company.Id, joined.CompanyId);
        Assert.Equal(acme.Owner.Id, JsonDocument.Parse(joined.Payload).RootElement.GetProperty("id").GetGuid());
        Assert.Equal("owner", JsonDocument.Parse(joined.Payload).RootElement.GetProperty("role").GetString());
    }

    [Fact]
    public async Task Creating_an_assigned_task_writes_task_created_and_task_assigned_rows_in_the_same_save()
    {
        var acme = await TestTenant.CreateSignedInAsync(_database, "Acme");
        var before = await OutboxAsync();

        var task = await _database.CreateTaskAsync(NewTask("Ship", assigneeId: acme.Owner.Id));

        var rows = await NewRowsSinceAsync(before);
        Assert.Equal(["task.assigned", "task.created"], rows.Select(r => r.Type));
        Assert.All(rows, r =>
        {
            Assert.Equal(acme.Company.Id, r.CompanyId);
            Assert.Null(r.ProcessedAt);
            Assert.InRange(r.OccurredAt, _database.Clock.GetUtcNow(), _database.Clock.GetUtcNow().AddMicroseconds(rows.Count));
        });
        var inRaisedOrder = rows.OrderBy(r => r.OccurredAt).Select(r => r.Type);
        Assert.Equal(["task.created", "task.assigned"], inRaisedOrder);
        Assert.Equal(task.Id, JsonDocument.Parse(rows[0].Payload).RootElement.GetProperty("task").GetProperty("id").GetGuid());
        Assert.Equal(task.Id, JsonDocument.Parse(rows[1].Payload).RootElement.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task A_task_update_row_names_the_changed_fields_and_completion_gets_its_own_row()
    {
        await TestTenant.CreateSignedInAsync(_database, "Acme");
        var task = await _database.CreateTaskAsync(NewTask("Finish"));
        var before = await OutboxAsync();

        await _database.UpdateTaskAsync(Change(task.Id) with { Status = Optional<TaskItemStatus?>.Of(TaskItemStatus.Done) });

        var rows = await NewRowsSinceAsync(before);
        Assert.Equal(["task.completed", "task.updated"], rows.Select(r => r.Type));
        Assert.Equal("done", JsonDocument.Parse(rows[0].Payload).RootElement.GetProperty("status").GetString());
        var changedFields = JsonDocument.Parse(rows[1].Payload).RootElement.GetProperty("changedFields");
        Assert.Equal(["status"], changedFields.EnumerateArray().Select(f => f.GetString()));
    }

    [Fact]
    public async Task An_update_that_changes_nothing_writes_no_row()
    {
        await TestTenant.CreateSignedInAsync(_database, "Acme");
        var task = await _database.CreateTaskAsync(NewTask("Same"));
        var before = await OutboxAsync();

        await _database.UpdateTaskAsync(Change(task.Id) with { Title = Optional<string?>.Of("Same") });

        Assert.Empty(await NewRowsSinceAsync(before));
    }

    [Fact]
    public async Task Saved_events_are_cleared_from_the_entity_so_a_second_save_does_not_repeat_them()
    {
        var acme = await TestTenant.CreateSignedInAsync(_database, "Acme");
        var before = await OutboxAsync();

        await using (var context = _database.NewContext())
        {
            var task = NewTaskItem(acme.Company.Id);
            context.Tasks.Add(task);
            await context.SaveChangesAsync();
            Assert.Empty(task.DomainEvents);
            await context.SaveChangesAsync();
        }

        Assert.Equal(["task.created"], (await NewRowsSinceAsync(before)).Select(r => r.Type));
    }

    [Fact]
    public async Task A_rolled_back_transaction_leaves_neither_the_change_nor_its_outbox_rows()
    {
        var acme = await TestTenant.CreateSignedInAsync(_database, "Acme");
        var before = await OutboxAsync();

        await using (var context = _database.NewContext())
        {
            await using var transaction = await context.Database.BeginTransactionAsync();
            context.Tasks.Add(NewTaskItem(acme.Company.Id, acme.Owner.Id));
            await context.SaveChangesAsync();
            Assert.Equal(before.Count + 2, await context.OutboxMessages.CountAsync());
            await transaction.RollbackAsync();
        }

        Assert.Empty(await NewRowsSinceAsync(before));
        await using var check = _database.NewContext();
        Assert.Equal(0, await check.Tasks.CountAsync());
    }

    [Fact]
    public async Task A_failed_save_writes_no_outbox_rows()
    {
        var acme = await TestTenant.CreateSignedInAsync(_database, "Acme");
        var before = await OutboxAsync();

        await using (var context = _database.NewContext())
        {
            context.Tasks.Add(NewTaskItem(acme.Company.Id));
            // Same email as the owner: the unique index fails the whole save.
            context.Users.Add(User.Create(acme.Company.Id, acme.Owner.Email, "Duplicate", Role.Member, _database.Clock.GetUtcNow()));

            await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());
        }

        Assert.Empty(await NewRowsSinceAsync(before));
        await using var check = _database.NewContext();
        Assert.Equal(0, await check.Tasks.CountAsync());
        Assert.Equal(0, await check.AuditEntries.CountAsync(e => e.EntityType == "task"));
    }

    [Fact]
    public async Task A_commit_wakes_the_event_streams_of_its_company_and_no_others()
    {
        var globex = await TestTenant.CreateAsync(_database, "Globex");
        var acme = await TestTenant.CreateSignedInAsync(_database, "Acme");
        var acmeStreams = _database.Streams.Next(acme.Company.Id);
        var globexStreams = _database.Streams.Next(globex.Company.Id);

        await _database.CreateTaskAsync(NewTask("Ship"));

        Assert.True(acmeStreams.IsCompleted);
        Assert.False(globexStreams.IsCompleted);
    }

    [Fact]
    public async Task Inside_a_transaction_the_streams_wake_at_its_commit_not_at_the_save()
    {
        var acme = await TestTenant.CreateSignedInAsync(_database, "Acme");
        var streams = _database.Streams.Next(acme.Company.Id);

        await using var context = _database.NewContext();
        await using var transaction = await context.Database.BeginTransactionAsync();
        context.Tasks.Add(NewTaskItem(acme.Company.Id));
        await context.SaveChangesAsync();
        var wokenBeforeCommit = streams.IsCompleted;
        await transaction.CommitAsync();

        Assert.False(wokenBeforeCommit);
        Assert.True(streams.IsCompleted);
    }
}
