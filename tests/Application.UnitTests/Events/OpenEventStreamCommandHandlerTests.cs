using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Billing.Common;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Events.OpenStream;
using NovaPulse.Domain.Companies;

namespace NovaPulse.Application.UnitTests.Events;

public sealed class OpenEventStreamCommandHandlerTests : IDisposable
{
    private const int StreamsPerPrincipal = 2;

    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(30);

    private static readonly PlanCatalog Plans = new(new TestOptions<BillingOptions>(new BillingOptions
    {
        Plans = [new PlanDefinition { Id = Company.FreePlanId, Name = "Free", Limits = { EventStreamsPerPrincipal = StreamsPerPrincipal } }],
    }));

    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private async Task<Guid> OpenAsync()
    {
        await using var context = _database.NewContext();
        return await new OpenEventStreamCommandHandler(context, _database.CurrentUser, Plans, _database.Clock)
            .Handle(new OpenEventStreamCommand(LeaseDuration), CancellationToken.None);
    }

    private async Task<int> LeaseCountAsync()
    {
        await using var context = _database.NewContext(actingAs: new TestCurrentUser());
        return await context.EventStreamLeases.IgnoreQueryFilters().CountAsync();
    }

    private async Task OpenAllAsync()
    {
        for (var i = 0; i < StreamsPerPrincipal; i++)
        {
            await OpenAsync();
            _database.Clock.Advance(TimeSpan.FromSeconds(5));
        }
    }

    [Fact]
    public async Task Opening_takes_a_lease_for_the_caller_that_lapses_after_the_lease_duration()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        _database.CurrentUser.SignInAs(acme.Owner);

        var leaseId = await OpenAsync();

        await using var context = _database.NewContext();
        var lease = await context.EventStreamLeases.SingleAsync();
        Assert.Equal(leaseId, lease.Id);
        Assert.Equal(acme.Company.Id, lease.CompanyId);
        Assert.Equal($"user:{acme.Owner.Id:N}", lease.Principal);
        Assert.Equal(_database.Clock.GetUtcNow() + LeaseDuration, lease.ExpiresAt);
    }

    [Fact]
    public async Task Beyond_the_plans_streams_per_principal_is_refused_until_the_oldest_lease_would_lapse()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        _database.CurrentUser.SignInAs(acme.Owner);
        await OpenAllAsync();

        var error = await AppErrorAssert.ThrowsAsync(ErrorKind.TooManyAttempts, OpenAsync);

        Assert.Equal("event_stream_limit_reached", error.Code);
        Assert.Equal(LeaseDuration - TimeSpan.FromSeconds(5 * StreamsPerPrincipal), error.RetryAfter);
        Assert.Contains(new KeyValuePair<string, object?>("limit", (long)StreamsPerPrincipal), error.Details);
        Assert.Equal(StreamsPerPrincipal, await LeaseCountAsync());
    }

    [Fact]
    public async Task Leases_that_lapsed_without_being_closed_free_their_slots()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        _database.CurrentUser.SignInAs(acme.Owner);
        await OpenAllAsync();
        _database.Clock.Advance(LeaseDuration);

        await OpenAsync();

        Assert.Equal(1, await LeaseCountAsync());
    }

    [Fact]
    public async Task The_limit_is_per_member_and_per_api_key()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        _database.CurrentUser.SignInAs(acme.Owner);
        await OpenAllAsync();

        _database.CurrentUser.SignInAs(acme.Owner, apiKeyId: Guid.NewGuid());
        await OpenAsync();
        _database.CurrentUser.SignInAs(await acme.AddMemberAsync(_database, "Linus"));
        await OpenAsync();

        Assert.Equal(StreamsPerPrincipal + 2, await LeaseCountAsync());
    }
}
