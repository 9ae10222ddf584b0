using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Infrastructure.Persistence;

namespace NovaPulse.Infrastructure.Idempotency;

public sealed class EfIdempotencyStore(AppDbContext db, TimeProvider clock) : IIdempotencyStore
{
    /// <summary>How long a key is remembered; a retry after that is a new request.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    public async Task<IdempotencyLookup> TryBeginAsync(string scope, string key, string requestHash, CancellationToken cancellationToken)
    {
        var existing = await FindAsync(scope, key, cancellationToken);
        if (existing is not null && existing.CreatedAt > clock.GetUtcNow() - Retention)
        {
            return ToLookup(existing);
        }

        if (existing is not null)
        {
            await db.IdempotencyRecords.Where(r => r.Id == existing.Id).ExecuteDeleteAsync(cancellationToken);
        }

        var record = new IdempotencyRecord { Scope = scope, Key = key, RequestHash = requestHash, CreatedAt = clock.GetUtcNow() };
        db.IdempotencyRecords.Add(record);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new IdempotencyLookup(true, requestHash, null);
        }
        catch (DbUpdateException)
        {
            // A concurrent first attempt with the same key won the unique index.
            db.Entry(record).State = EntityState.Detached;
            existing = await FindAsync(scope, key, cancellationToken);
            return existing is null ? new IdempotencyLookup(false, null, null) : ToLookup(existing);
        }
        finally
        {
            db.Entry(record).State = EntityState.Detached;
        }
    }

    public async Task CompleteAsync(string scope, string key, StoredResponse response, CancellationToken cancellationToken) =>
        await db.IdempotencyRecords.Where(r => r.Scope == scope && r.Key == key).ExecuteUpdateAsync(
            s => s.SetProperty(r => r.StatusCode, response.StatusCode)
                .SetProperty(r => r.ContentType, response.ContentType)
                .SetProperty(r => r.Location, response.Location)
                .SetProperty(r => r.ETag, response.ETag)
                .SetProperty(r => r.Body, response.Body),
            cancellationToken);

    public async Task AbandonAsync(string scope, string key, CancellationToken cancellationToken) =>
        await db.IdempotencyRecords.Where(r => r.Scope == scope && r.Key == key && r.StatusCode == null).ExecuteDeleteAsync(cancellationToken);

    private Task<IdempotencyRecord?> FindAsync(string scope, string key, CancellationToken cancellationToken) =>
        db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.Scope == scope && r.Key == key, cancellationToken);

    private static IdempotencyLookup ToLookup(IdempotencyRecord record) => new(
        false,
        record.RequestHash,
        record.StatusCode is { } status ? new StoredResponse(status, record.ContentType, record.Location, record.ETag, record.Body ?? []) : null);
}
