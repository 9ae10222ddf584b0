using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Auth.Register;
using NovaPulse.Application.UnitTests;
using NovaPulse.Domain.ApiKeys;
using NovaPulse.Domain.Audit;
using NovaPulse.Domain.Common;
using NovaPulse.Domain.Tasks;
using static NovaPulse.Application.UnitTests.TestTasks;

namespace NovaPulse.Infrastructure.Tests.Persistence;

public sealed class AuditInterceptorTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private async Task<List<AuditEntry>> EntriesForAsync(Guid entityId)
    {
        await using var context = _database.NewContext();
        var id = entityId.ToString();
        var entries = await context.AuditEntries.IgnoreQueryFilters().Where(e => e.EntityId == id).ToListAsync();
        return [.. entries.OrderBy(e => e.OccurredAt).ThenBy(e => e.Id)];
    }

    private static JsonElement Changes(AuditEntry entry) => JsonDocument.Parse(entry.Changes).RootElement;

    [Fact]
    public async Task Creating_a_task_writes_a_created_entry_with_who_where_and_the_new_values()
    {
        var acme = await TestTenant.CreateSignedInAsync(_database, "Acme");
        _database.Request.RequestId = "req-42";
        _database.Request.IpAddress = "198.51.100.9";

        var task = await _database.CreateTaskAsync(NewTask("Audit me", priority: TaskPriority.High));

        var entry = Assert.Single(await EntriesForAsync(task.Id));
        Assert.Equal("created", entry.Action);
        Assert.Equal("task", entry.EntityType);
        Assert.Equal(acme.Company.Id, entry.CompanyId);
        Assert.Equal(acme.Owner.Id, entry.ActorId);
        Assert.Equal("user", entry.ActorType);
        Assert.Equal("req-42", entry.RequestId);
        Assert.Equal("198.51.100.9", entry.IpAddress);
        Assert.Equal(_database.Clock.GetUtcNow(), entry.OccurredAt);
        var title = Changes(entry).GetProperty("title");
        Assert.Equal(JsonValueKind.Null, title.GetProperty("old").ValueKind);
        Assert.Equal("Audit me", title.GetProperty("new").GetString());
        Assert.Equal("high", Changes(entry).GetProperty("priority").GetProperty("new").GetString());
    }

    [Fact]
    public async Task Updating_a_task_writes_only_the_changed_fields_with_old_and_new_values()
    {
        await TestTenant.CreateSignedInAsync(_database, "Acme");
        var task = await _database.CreateTaskAsync(NewTask("Before", priority: TaskPriority.Low));
        _database.Clock.Advance(TimeSpan.FromMinutes(1));

        await _database.UpdateTaskAsync(Change(task.Id) with { Title = Optional<string?>.Of("After") });

        var updated = Assert.Single(await EntriesForAsync(task.Id), e => e.Action == "updated");
        var changes = Changes(updated);
        Assert.Equal("Before", changes.GetProperty("title").GetProperty("old").GetString());
        Assert.Equal("After", changes.GetProperty("title").GetProperty("new").GetString());
        Assert.Equal(1, changes.GetProperty("version").GetProperty("old").GetInt32());
        Assert.Equal(2, changes.GetProperty("version").GetProperty("new").GetInt32());
        Assert.True(changes.TryGetProperty("updatedAt", out _));
        Assert.False(changes.TryGetProperty("priority", out _));
        Assert.False(changes.TryGetProperty("tags", out _));
        Assert.False(changes.TryGetProperty("description", out _));
    }

    [Fact]
    public async Task Changing_tags_is_audited_but_an_identical_tag_list_is_not()
    {
        await TestTenant.CreateSignedInAsync(_database, "Acme");
        var task = await _database.CreateTaskAsync(NewTask("Tagged", tags: ["a"]));

        await _database.UpdateTaskAsync(Change(task.Id) with { Tags = Optional<IReadOnlyList<string>?>.Of(["a", "b"]) });
        await _database.UpdateTaskAsync(Change(task.Id) with { Tags = Optional<IReadOnlyList<string>?>.Of(["a", " b", "B", ""]) });

        var updated = Assert.Single(await EntriesForAsync(task.Id), e => e.Action == "updated");
        var tags = Changes(updated).GetProperty("tags");
        Assert.Equal(["a"], tags.GetProperty("old").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(["a", "b"], tags.GetProperty("new").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task An_update_that_changes_nothing_writes_no_entry()
    {
        await TestTenant.CreateSignedInAsync(_database, "Acme");
        var task = await _database.CreateTaskAsync(NewTask("Same"));

        await _database.UpdateTaskAsync(Change(task.Id) with { Title = Optional<string?>.Of("Same") });

        Assert.Equal(["created"], (await EntriesForAsync(task.Id)).Select(e => e.Action));
    }

    [Fact]
    public async Task Deleting_a_task_writes_a_deleted_entry_with_the_old_values()
    {
        await TestTenant.CreateSignedInAsync(_database, "Acme");
        var task = await _database.CreateTaskAsync(NewTask("Doomed"));

        await using (var context = _database.NewContext())
        {
            context.Tasks.Remove(await context.Tasks.SingleAsync(t => t.Id == task.Id));
            await context.SaveChangesAsync();
        }

        var deleted = Assert.Single(await EntriesForAsync(task.Id), e => e.Action == "deleted");
        var title = Changes(deleted).GetProperty("title");
        Assert.Equal("Doomed", title.GetProperty("old").GetString());
        Assert.Equal(JsonValueKind.Null, title.GetProperty("new").ValueKind);
    }

    [Fact]
    public async Task Sensitive_properties_are_redacted_and_the_password_hash_never_appears()
    {
        await using (var context = _database.NewContext())
        {
            await new RegisterCommandHandler(context, TestAuth.PasswordHasher, TestAuth.TokenPairIssuer(context, _database.Clock), _database.Clock)
                .Handle(new RegisterCommand("Acme", "Ada", "ada@acme.test", "correct-horse-1"), CancellationToken.None);
        }

        await using var check = _database.NewContext();
        var owner = await check.Users.IgnoreQueryFilters().SingleAsync();
        var entries = await check.AuditEntries.IgnoreQueryFilters().ToListAsync();
        var member = Assert.Single(entries, e => e.EntityType == "member");
        var passwordHash = Changes(member).GetProperty("passwordHash");
        Assert.Equal("[redacted]", passwordHash.GetProperty("new").GetString());
        Assert.Equal("ada@acme.test", Changes(member).GetProperty("email").GetProperty("new").GetString());
        Assert.All(entries, e => Assert.DoesNotContain(owner.PasswordHash, e.Changes, StringComparison.Ordinal));
        Assert.All(entries, e => Assert.DoesNotContain("correct-horse-1", e.Changes, StringComparison.Ordinal));
        Assert.Equal("system", member.ActorType);
        Assert.Null(member.ActorId);
        Assert.Contains(entries, e => e.EntityType == "company" && e.Action == "created");
        Assert.DoesNotContain(entries, e => e.EntityType == "refresh_token");
    }

    [Fact]
    public async Task An_api_key_hash_is_redacted()
    {
        var acme = await TestTenant.CreateSignedInAsync(_database, "Acme");
        var keyHash = new string('f', 64);

        await using (var context = _database.NewContext())
        {
            context.ApiKeys.Add(ApiKey.Create(acme.Company.Id, "ci", "np_abcdefgh", keyHash, Role.Member, acme.Owner.Id, _database.Clock.GetUtcNow()));
            await context.SaveChangesAsync();
        }

        await using var check = _database.NewContext();
        var entry = Assert.Single(await check.AuditEntries.Where(e => e.EntityType == "api_key").ToListAsync());
        Assert.DoesNotContain(keyHash, entry.Changes, StringComparison.Ordinal);
        Assert.Equal("[redacted]", Changes(entry).GetProperty("keyHash").GetProperty("new").GetString());
    }

    [Fact]
    public async Task Changes_made_with_an_api_key_are_attributed_to_the_key()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        var keyId = Guid.CreateVersion7();
        _database.CurrentUser.SignInAs(acme.Owner, apiKeyId: keyId);

        var task = await _database.CreateTaskAsync(NewTask("From CI"));

        var entry = Assert.Single(await EntriesForAsync(task.Id));
        Assert.Equal("api_key", entry.ActorType);
        Assert.Equal(keyId, entry.ActorId);
    }
}
