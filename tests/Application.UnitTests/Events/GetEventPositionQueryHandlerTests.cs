using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Common.Options;
using NovaPulse.Application.Events.Common;
using NovaPulse.Application.Events.Position;
using NovaPulse.Domain.Common;
using static NovaPulse.Application.UnitTests.TestTasks;

namespace NovaPulse.Application.UnitTests.Events;

public sealed class GetEventPositionQueryHandlerTests : IDisposable
{
    private static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private async Task<EventPosition?> PositionOfAsync(Guid eventId)
    {
        await using var context = _database.NewContext();
        var handler = new GetEventPositionQueryHandler(context, Options.Create(new OutboxSettings { Retention = Retention }), _database.Clock);
        return await handler.Handle(new GetEventPositionQuery(PublicEventId.Format(eventId)), CancellationToken.None);
    }

    private async Task<EventPosition> TaskCreatedEventOfAsync(TestTenant tenant)
    {
        _database.CurrentUser.SignInAs(tenant.Owner);
        await _database.CreateTaskAsync(NewTask("Emits task.created"));
        await using var context = _database.NewContext();
        return await context.OutboxMessages.Where(m => m.Type == "task.created").Select(m => new EventPosition(m.OccurredAt, m.Id)).SingleAsync();
    }

    [Fact]
    public async Task An_event_of_the_callers_company_is_found_at_its_place_in_the_stream()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        var stored = await TaskCreatedEventOfAsync(acme);

        var position = await PositionOfAsync(stored.Id);

        Assert.Equal(stored, position);
    }

    [Fact]
    public async Task Another_companys_event_is_not_a_position()
    {
        var globex = await TestTenant.CreateAsync(_database, "Globex");
        var theirs = await TaskCreatedEventOfAsync(globex);
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        _database.CurrentUser.SignInAs(acme.Owner);

        Assert.Null(await PositionOfAsync(theirs.Id));
    }

    [Fact]
    public async Task An_unknown_id_within_the_retention_is_no_position()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        _database.CurrentUser.SignInAs(acme.Owner);

        Assert.Null(await PositionOfAsync(SequentialId.New(_database.Clock.GetUtcNow() - Retention + TimeSpan.FromHours(1))));
    }

    [Fact]
    public async Task An_unknown_id_older_than_the_retention_is_gone()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        _database.CurrentUser.SignInAs(acme.Owner);

        var error = await AppErrorAssert.ThrowsAsync(
            ErrorKind.Gone, () => PositionOfAsync(SequentialId.New(_database.Clock.GetUtcNow() - Retention - TimeSpan.FromHours(1))));

        Assert.Equal("event_position_expired", error.Code);
    }
}
