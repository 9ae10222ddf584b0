using Microsoft.EntityFrameworkCore;
using NovaPulse.Domain.Webhooks;

namespace NovaPulse.Infrastructure.Persistence.Claims;

/// <summary>
/// One statement per claim: select the candidates (skipping rows another transaction holds) and stamp the lease,
/// returning the ids. Parameters: {0} now, {1} lease end, {2} how many. Column names are the EF defaults.
/// </summary>
public abstract class SqlWorkClaimer : IWorkClaimer
{
    protected const int Pending = (int)WebhookDeliveryStatus.Pending;

    protected abstract string OutboxSql { get; }

    protected abstract string DeliveriesSql { get; }

    public Task<IReadOnlyList<Guid>> ClaimOutboxAsync(AppDbContext db, int max, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken) =>
        ClaimAsync(db, OutboxSql, max, now, lease, cancellationToken);

    public Task<IReadOnlyList<Guid>> ClaimDeliveriesAsync(AppDbContext db, int max, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken) =>
        ClaimAsync(db, DeliveriesSql, max, now, lease, cancellationToken);

    /// <summary>How a timestamp is passed to the provider (SQLite stores them as sortable integers).</summary>
    protected virtual object Time(DateTimeOffset value) => value.ToUniversalTime();

    protected virtual async Task<IReadOnlyList<Guid>> ClaimAsync(
        AppDbContext db, string sql, int max, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken) =>
        await db.Database.SqlQueryRaw<Guid>(sql, Time(now), Time(now + lease), max).ToListAsync(cancellationToken);
}

public sealed class PostgreSqlWorkClaimer : SqlWorkClaimer
{
    protected override string OutboxSql => """
        UPDATE outbox_messages SET "LockedUntil" = {1}
        WHERE "Id" IN (
            SELECT "Id" FROM outbox_messages
            WHERE "ProcessedAt" IS NULL AND "ParkedAt" IS NULL AND ("LockedUntil" IS NULL OR "LockedUntil" < {0})
            ORDER BY "OccurredAt" LIMIT {2}
            FOR UPDATE SKIP LOCKED)
        RETURNING "Id" AS "Value"
        """;

    protected override string DeliveriesSql => $$"""
        UPDATE webhook_deliveries SET "LockedUntil" = {1}
        WHERE "Id" IN (
            SELECT "Id" FROM webhook_deliveries
            WHERE "Status" = {{Pending}} AND "NextAttemptAt" <= {0} AND ("LockedUntil" IS NULL OR "LockedUntil" < {0})
            ORDER BY "NextAttemptAt" LIMIT {2}
            FOR UPDATE SKIP LOCKED)
        RETURNING "Id" AS "Value"
        """;
}

public sealed class SqlServerWorkClaimer : SqlWorkClaimer
{
    protected override string OutboxSql => """
        WITH claimed AS (
            SELECT TOP ({2}) [Id], [LockedUntil] FROM [outbox_messages] WITH (UPDLOCK, READPAST, ROWLOCK)
            WHERE [ProcessedAt] IS NULL AND [ParkedAt] IS NULL AND ([LockedUntil] IS NULL OR [LockedUntil] < {0})
            ORDER BY [OccurredAt])
        UPDATE claimed SET [LockedUntil] = {1} OUTPUT inserted.[Id] AS [Value];
        """;

    protected override string DeliveriesSql => $$"""
        WITH claimed AS (
            SELECT TOP ({2}) [Id], [LockedUntil] FROM [webhook_deliveries] WITH (UPDLOCK, READPAST, ROWLOCK)
            WHERE [Status] = {{Pending}} AND [NextAttemptAt] <= {0} AND ([LockedUntil] IS NULL OR [LockedUntil] < {0})
            ORDER BY [NextAttemptAt])
        UPDATE claimed SET [LockedUntil] = {1} OUTPUT inserted.[Id] AS [Value];
        """;
}

/// <summary>
/// SQLite serialises writers, and the app runs on it as a single process: a conditional UPDATE stamping a lease end that
/// is unique to this claim (a few random ticks added), then a read of the rows carrying it. Safe even if the driver
/// re-runs the UPDATE after a busy database.
/// </summary>
public sealed class SqliteWorkClaimer : SqlWorkClaimer
{
    // The same encoding SqliteAppDbContext stores timestamps with, so raw comparisons match EF's.
    private static readonly UtcTicksConverter Converter = new();

    protected override string OutboxSql => """
        UPDATE outbox_messages SET "LockedUntil" = {1}
        WHERE "Id" IN (
            SELECT "Id" FROM outbox_messages
            WHERE "ProcessedAt" IS NULL AND "ParkedAt" IS NULL AND ("LockedUntil" IS NULL OR "LockedUntil" < {0})
            ORDER BY "OccurredAt" LIMIT {2});
        SELECT "Id" AS "Value" FROM outbox_messages WHERE "LockedUntil" = {1} AND "ProcessedAt" IS NULL
        """;

    protected override string DeliveriesSql => $$"""
        UPDATE webhook_deliveries SET "LockedUntil" = {1}
        WHERE "Id" IN (
            SELECT "Id" FROM webhook_deliveries
            WHERE "Status" = {{Pending}} AND "NextAttemptAt" <= {0} AND ("LockedUntil" IS NULL OR "LockedUntil" < {0})
            ORDER BY "NextAttemptAt" LIMIT {2});
        SELECT "Id" AS "Value" FROM webhook_deliveries WHERE "LockedUntil" = {1} AND "Status" = {{Pending}}
        """;

    protected override async Task<IReadOnlyList<Guid>> ClaimAsync(
        AppDbContext db, string sql, int max, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        var statements = sql.Split(';', 2);
        // The binary form keeps 1/10 ms; a random part of a second makes this claim's lease end its own.
        var token = now + lease + TimeSpan.FromMilliseconds(Random.Shared.Next(1, 1_000_000) / 1000.0);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync(statements[0], [Time(now), Time(token), max], cancellationToken);
        var ids = await db.Database.SqlQueryRaw<Guid>(statements[1].Trim(), Time(now), Time(token)).ToListAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ids;
    }

    protected override object Time(DateTimeOffset value) => Converter.ConvertToProvider(value.ToUniversalTime())!;
}
