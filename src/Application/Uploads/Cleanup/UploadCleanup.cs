using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Common.Options;
using NovaPulse.Domain.Uploads;

namespace NovaPulse.Application.Uploads.Cleanup;

/// <summary>
/// One cleanup pass: purges the objects of uploads soft-deleted longer than <c>Uploads:DeletedRetention</c> ago,
/// abandons signed uploads still pending after <c>Uploads:PendingUploadLifetime</c>, and removes stored objects no row
/// references. Safe with several instances: storage deletes are idempotent and purging twice has the same result.
/// The policy; <c>UploadCleanupWorker</c> in Infrastructure runs it every <c>Uploads:CleanupInterval</c>.
/// </summary>
public sealed partial class UploadCleanup(
    IAppDbContext db, IFileStorage storage, IOptions<UploadSettings> settings, TimeProvider clock, ILogger<UploadCleanup> logger)
{
    private const int BatchSize = 100;

    /// <summary>Stored objects younger than this are left alone: their row may not be committed yet.</summary>
    public static readonly TimeSpan OrphanGracePeriod = TimeSpan.FromHours(1);

    public async Task<CleanupResult> RunOnceAsync(CancellationToken cancellationToken)
    {
        var purged = await PurgeDeletedAsync(cancellationToken);
        var abandoned = await AbandonPendingAsync(cancellationToken);
        var orphans = await RemoveOrphansAsync(cancellationToken);
        if (purged + abandoned + orphans > 0)
        {
            LogPass(purged, abandoned, orphans);
        }

        return new CleanupResult(purged, abandoned, orphans);
    }

    private async Task<int> PurgeDeletedAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - settings.Value.DeletedRetention;
        var count = 0;
        while (true)
        {
            var batch = await db.Uploads.IgnoreQueryFilters()
                .Where(u => u.DeletedAt != null && u.DeletedAt <= cutoff && u.PurgedAt == null)
                .OrderBy(u => u.DeletedAt).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return count;
            }

            await PurgeAsync(batch, cancellationToken);
            count += batch.Count;
        }
    }

    private async Task<int> AbandonPendingAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - settings.Value.PendingUploadLifetime;
        var count = 0;
        while (true)
        {
            var batch = await db.Uploads.IgnoreQueryFilters()
                .Where(u => u.Status == UploadStatus.Pending && u.PurgedAt == null && u.CreatedAt <= cutoff)
                .OrderBy(u => u.CreatedAt).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return count;
            }

            await PurgeAsync(batch, cancellationToken);
            count += batch.Count;
        }
    }

    private async Task PurgeAsync(List<Upload> batch, CancellationToken cancellationToken)
    {
        foreach (var upload in batch)
        {
            if (upload.StorageProvider == storage.Provider)
            {
                await storage.DeleteAsync(new StorageObject(upload.StorageKey, upload.ContentType, upload.Kind, upload.IsPublic), cancellationToken);
                if (upload.ThumbnailKey is { } thumbnail)
                {
                    await storage.DeleteAsync(new StorageObject(thumbnail, "image/png", UploadKind.Image, upload.IsPublic), cancellationToken);
                }
            }

            upload.MarkPurged(clock.GetUtcNow());
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another instance purged (or someone touched) the same rows: the objects are gone either way.
        }

        db.ChangeTracker.Clear();
    }

    private async Task<int> RemoveOrphansAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - OrphanGracePeriod;
        var candidates = new List<StoredEntry>();
        var count = 0;
        await foreach (var entry in storage.ListAsync(cancellationToken))
        {
            if (entry.LastModified > cutoff)
            {
                continue;
            }

            candidates.Add(entry);
            if (candidates.Count == BatchSize)
            {
                count += await RemoveUnreferencedAsync(candidates, cancellationToken);
                candidates.Clear();
            }
        }

        return count + await RemoveUnreferencedAsync(candidates, cancellationToken);
    }

    private async Task<int> RemoveUnreferencedAsync(List<StoredEntry> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return 0;
        }

        var keys = entries.Select(e => e.Target.Key).ToList();
        var live = await db.Uploads.IgnoreQueryFilters()
            .Where(u => u.PurgedAt == null && (keys.Contains(u.StorageKey) || (u.ThumbnailKey != null && keys.Contains(u.ThumbnailKey))))
            .Select(u => new { u.StorageKey, u.ThumbnailKey })
            .ToListAsync(cancellationToken);
        var referenced = live.SelectMany(u => new[] { u.StorageKey, u.ThumbnailKey }).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var removed = 0;
        foreach (var entry in entries.Where(e => !referenced.Contains(e.Target.Key)))
        {
            await storage.DeleteAsync(entry.Target, cancellationToken);
            removed++;
        }

        return removed;
    }

    [LoggerMessage(LogLevel.Information, "Upload cleanup: {Purged} deleted purged, {Abandoned} abandoned pending removed, {Orphans} orphan objects removed")]
    private partial void LogPass(int purged, int abandoned, int orphans);
}

/// <summary>What one pass removed.</summary>
public sealed record CleanupResult(int Purged, int Abandoned, int Orphans);
