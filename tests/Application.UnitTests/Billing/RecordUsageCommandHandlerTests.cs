using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Billing.Usage;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Domain.Common;

namespace NovaPulse.Application.UnitTests.Billing;

public sealed class RecordUsageCommandHandlerTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private async Task<UsageRecordDto> RecordAsync(RecordUsageCommand command)
    {
        await using var context = _database.NewContext();
        return await new RecordUsageCommandHandler(context, _database.CurrentUser, _database.Clock).Handle(command, CancellationToken.None);
    }

    private async Task<int> RecordCountAsync()
    {
        await using var context = _database.NewContext(actingAs: new TestCurrentUser());
        return await context.UsageRecords.IgnoreQueryFilters().CountAsync();
    }

    [Fact]
    public async Task An_admin_records_usage_for_their_company_as_of_now_unless_told_when()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        _database.CurrentUser.SignInAs(await acme.AddMemberAsync(_database, "Grace", Role.Admin));
        var earlier = _database.Clock.GetUtcNow().AddHours(-3);

        var now = await RecordAsync(new RecordUsageCommand("api_calls", 5));
        var backdated = await RecordAsync(new RecordUsageCommand("api_calls", 7, earlier));

        Assert.Equal(_database.Clock.GetUtcNow(), now.Timestamp);
        Assert.Equal(earlier, backdated.Timestamp);
        Assert.False(now.Reported);
        await using var context = _database.NewContext(actingAs: new TestCurrentUser());
        var stored = await context.UsageRecords.IgnoreQueryFilters().OrderBy(r => r.Quantity).ToListAsync();
        Assert.Equal([5L, 7L], stored.Select(r => r.Quantity));
        Assert.All(stored, r => Assert.Equal(acme.Company.Id, r.CompanyId));
    }

    [Fact]
    public async Task A_members_session_may_not_record_usage()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        _database.CurrentUser.SignInAs(await acme.AddMemberAsync(_database, "Linus"));

        var error = await AppErrorAssert.ThrowsAsync(ErrorKind.Forbidden, () => RecordAsync(new RecordUsageCommand("api_calls", 5)));

        Assert.Equal(ErrorCodes.Forbidden, error.Code);
        Assert.Equal(0, await RecordCountAsync());
    }

    [Fact]
    public async Task An_api_key_of_any_role_may()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        _database.CurrentUser.SignInAs(await acme.AddMemberAsync(_database, "Linus"), apiKeyId: Guid.NewGuid());

        await RecordAsync(new RecordUsageCommand("api_calls", 5));

        Assert.Equal(1, await RecordCountAsync());
    }

    [Fact]
    public async Task A_repeat_with_the_same_idempotency_key_returns_the_first_record_and_counts_nothing_twice()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        _database.CurrentUser.SignInAs(acme.Owner);
        var first = await RecordAsync(new RecordUsageCommand("api_calls", 5, IdempotencyKey: "batch-1"));
        _database.Clock.Advance(TimeSpan.FromMinutes(1));

        var repeat = await RecordAsync(new RecordUsageCommand("api_calls", 50, IdempotencyKey: "batch-1"));

        Assert.Equal(first, repeat);
        Assert.Equal(1, await RecordCountAsync());
    }

    [Fact]
    public async Task Another_companys_idempotency_key_is_not_the_callers()
    {
        var globex = await TestTenant.CreateAsync(_database, "Globex");
        _database.CurrentUser.SignInAs(globex.Owner);
        var theirs = await RecordAsync(new RecordUsageCommand("api_calls", 5, IdempotencyKey: "batch-1"));
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        _database.CurrentUser.SignInAs(acme.Owner);

        var ours = await RecordAsync(new RecordUsageCommand("api_calls", 9, IdempotencyKey: "batch-1"));

        Assert.NotEqual(theirs.Id, ours.Id);
        Assert.Equal(9, ours.Quantity);
        Assert.Equal(2, await RecordCountAsync());
    }
}
