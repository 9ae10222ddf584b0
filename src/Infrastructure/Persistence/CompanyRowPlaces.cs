namespace NovaPulse.Infrastructure.Persistence;

/// <summary>
/// How many of this host's transactions may hold or await one company's row lock at once; the rest wait here. Measured
/// with 32 creates on one company: PostgreSQL woke every waiter at each commit, and they spent more CPU re-checking the
/// row than the creates did. One holder and one waiter ready to take over keep the row busy without that herd.
/// Companies share places by a hash of their id, so the memory is fixed whatever the number of companies.
/// </summary>
public sealed class CompanyRowPlaces
{
    private const int Stripes = 4096;
    private readonly SemaphoreSlim[] _places;

    public CompanyRowPlaces(int placesPerCompany = 2)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(placesPerCompany, 1);
        _places = new SemaphoreSlim[Stripes];
        for (var i = 0; i < Stripes; i++)
        {
            _places[i] = new SemaphoreSlim(placesPerCompany, placesPerCompany);
        }
    }

    /// <summary>Waits for a place in the company's queue; disposing the result gives it back.</summary>
    public async Task<IDisposable> EnterAsync(Guid companyId, CancellationToken cancellationToken)
    {
        var place = _places[(companyId.GetHashCode() & int.MaxValue) % Stripes];
        await place.WaitAsync(cancellationToken);
        return new Place(place);
    }

    private sealed class Place(SemaphoreSlim semaphore) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                semaphore.Release();
            }
        }
    }
}
