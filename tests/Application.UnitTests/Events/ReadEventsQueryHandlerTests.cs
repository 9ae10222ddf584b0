using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Events.Common;
using NovaPulse.Application.Events.Read;
using NovaPulse.Domain.Common;
using NovaPulse.Domain.Outbox;

namespace NovaPulse.Application.UnitTests.Events;

public sealed class ReadEventsQueryHandlerTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    /// <summary>A read from now on: past the member.joined events that setting up the tenants wrote.</summary>
    private ReadEventsQuery FromNow() => new(_database.Clock.GetUtcNow().AddMilliseconds(500), Guid.Empty);

    private async Task<IReadOnlyList<StreamedEvent>> ReadAsync(ReadEventsQuery query)
    {
        await using var context = _database.NewContext();
        return await new ReadEventsQueryHandler(context, _database.CurrentUser).Handle(query, CancellationToken.None);
    }

    /// <summary>Committed events of <paramref name="tenant"/>, a second apart in the given order.</summary>
    private async Task<List<OutboxMessage>> SeedAsync(TestTenant tenant, params string[] types)
    {
        var messages = new List<OutboxMessage>();
        await using var context = _database.NewContext(actingAs: new TestCurrentUser());
        foreach (var type in types)
        {
            _database.Clock.Advance(TimeSpan.FromSeconds(1));
            messages.Add(OutboxMessage.Create(tenant.Company.Id, type, "{}", _database.Clock.GetUtcNow()));
        }

        context.OutboxMessages.AddRange(messages);
        await context.SaveChangesAsync();
        return messages;
    }

    [Fact]
    public async Task Only_the_callers_companys_events_are_read_in_order()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        var globex = await TestTenant.CreateAsync(_database, "Globex");
        var start = FromNow();
        var ours = await SeedAsync(acme, "task.created", "task.updated");
        await SeedAsync(globex, "task.created");
        ours.AddRange(await SeedAsync(acme, "task.deleted"));
        _database.CurrentUser.SignInAs(acme.Owner);

        var events = await ReadAsync(start);

        Assert.Equal(ours.Select(m => m.Id), events.Select(e => e.Id));
        Assert.Equal(["task.created", "task.updated", "task.deleted"], events.Select(e => e.Type));
    }

    [Fact]
    public async Task Reading_resumes_strictly_after_the_position_and_stops_at_the_limit()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        var seeded = await SeedAsync(acme, "task.created", "task.updated", "task.completed", "task.deleted");
        _database.CurrentUser.SignInAs(acme.Owner);

        var events = await ReadAsync(new ReadEventsQuery(seeded[1].OccurredAt, seeded[1].Id, Limit: 1));

        Assert.Equal([seeded[2].Id], events.Select(e => e.Id));
    }

    [Fact]
    public async Task The_filter_keeps_only_the_named_types()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        var start = FromNow();
        await SeedAsync(acme, "task.created", "task.updated", "member.joined", "task.updated");
        _database.CurrentUser.SignInAs(acme.Owner);

        var events = await ReadAsync(start with { Events = [" task.updated ", "member.joined"] });

        Assert.Equal(["task.updated", "member.joined", "task.updated"], events.Select(e => e.Type));
    }

    [Fact]
    public async Task A_member_does_not_receive_admin_only_events_unasked()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        _database.CurrentUser.SignInAs(await acme.AddMemberAsync(_database, "Linus"));
        var start = FromNow();
        await SeedAsync(acme, "invoice.paid", "task.created", "invoice.payment_failed");

        var events = await ReadAsync(start);

        Assert.Equal(["task.created"], events.Select(e => e.Type));
    }

    [Fact]
    public async Task An_admin_receives_them()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        _database.CurrentUser.SignInAs(await acme.AddMemberAsync(_database, "Grace", Role.Admin));
        var start = FromNow();
        await SeedAsync(acme, "invoice.paid", "task.created");

        var events = await ReadAsync(start);

        Assert.Equal(["invoice.paid", "task.created"], events.Select(e => e.Type));
    }

    [Fact]
    public async Task A_member_asking_for_admin_only_events_is_forbidden_and_told_which()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        _database.CurrentUser.SignInAs(await acme.AddMemberAsync(_database, "Linus"));
        var start = FromNow();

        var error = await AppErrorAssert.ThrowsAsync(
            ErrorKind.Forbidden, () => ReadAsync(start with { Events = ["task.created", "invoice.paid"] }));

        Assert.Equal(ErrorCodes.Forbidden, error.Code);
        Assert.Contains("invoice.paid", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("task.created", error.Message, StringComparison.Ordinal);
    }
}
