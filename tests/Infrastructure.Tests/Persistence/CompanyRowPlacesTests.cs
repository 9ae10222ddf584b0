using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Infrastructure.Persistence;

namespace NovaPulse.Infrastructure.Tests.Persistence;

/// <summary>
/// A company's row lock is awaited by at most a few of this host's transactions; the others wait in the process, and a
/// transaction keeps its place until it ends, however it ends.
/// </summary>
public sealed class CompanyRowPlacesTests : IDisposable
{
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(200);
    private readonly Guid _company = Guid.NewGuid();
    private readonly CompanyRowPlaces _places = new(placesPerCompany: 1);
    private readonly ServiceProvider _services;

    public CompanyRowPlacesTests() => _services = PersistenceServices.Build(services =>
    {
        services.RemoveAll<CompanyRowPlaces>();
        services.AddSingleton(_places);
    });

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task Entries_beyond_the_places_wait_until_one_is_given_back()
    {
        var places = new CompanyRowPlaces(placesPerCompany: 2);
        var first = await places.EnterAsync(_company, CancellationToken.None);
        using var second = await places.EnterAsync(_company, CancellationToken.None);

        var third = places.EnterAsync(_company, CancellationToken.None);
        await Task.Delay(Pause);
        Assert.False(third.IsCompleted);

        first.Dispose();
        (await third.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public async Task A_place_given_back_twice_is_freed_once()
    {
        var place = await _places.EnterAsync(_company, CancellationToken.None);
        place.Dispose();
        place.Dispose();

        using var next = await _places.EnterAsync(_company, CancellationToken.None);
        var after = _places.EnterAsync(_company, CancellationToken.None);
        await Task.Delay(Pause);
        Assert.False(after.IsCompleted);
        next.Dispose();
        (await after.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public async Task A_cancelled_wait_takes_no_place()
    {
        var held = await _places.EnterAsync(_company, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var waiting = _places.EnterAsync(_company, cancel.Token);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        held.Dispose();
        var next = _places.EnterAsync(_company, CancellationToken.None);
        Assert.True(next.IsCompletedSuccessfully);
        (await next).Dispose();
    }

    [Fact]
    public async Task A_transaction_keeps_its_place_until_it_commits()
    {
        var inside = new TaskCompletionSource();
        var finish = new TaskCompletionSource();
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IAppDbContext>();
        var transaction = db.InTransactionAsync(
            async () =>
            {
                await db.QueueForCompanyRowAsync(_company, CancellationToken.None);
                await db.QueueForCompanyRowAsync(_company, CancellationToken.None); // the same company again: its place already
                inside.SetResult();
                await finish.Task;
                return 0;
            },
            CancellationToken.None);
        await inside.Task.WaitAsync(TimeSpan.FromSeconds(5));

        var other = _places.EnterAsync(_company, CancellationToken.None);
        await Task.Delay(Pause);
        Assert.False(other.IsCompleted);

        finish.SetResult();
        await transaction;
        (await other.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public async Task A_transaction_that_fails_gives_its_place_back()
    {
        await using (var scope = _services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IAppDbContext>();
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.InTransactionAsync<int>(
                async () =>
                {
                    await db.QueueForCompanyRowAsync(_company, CancellationToken.None);
                    throw new InvalidOperationException("the use case failed");
                },
                CancellationToken.None));
        }

        var next = _places.EnterAsync(_company, CancellationToken.None);
        Assert.True(next.IsCompletedSuccessfully);
        (await next).Dispose();
    }

    [Fact]
    public async Task Queueing_outside_a_transaction_or_for_a_second_company_is_refused()
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IAppDbContext>();

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.QueueForCompanyRowAsync(_company, CancellationToken.None));
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.InTransactionAsync(
            async () =>
            {
                await db.QueueForCompanyRowAsync(_company, CancellationToken.None);
                await db.QueueForCompanyRowAsync(Guid.NewGuid(), CancellationToken.None);
                return 0;
            },
            CancellationToken.None));
        Assert.Contains("one company", error.Message, StringComparison.Ordinal);
    }
}
