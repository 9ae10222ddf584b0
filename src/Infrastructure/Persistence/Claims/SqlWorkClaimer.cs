using Microsoft.EntityFrameworkCore;

namespace NovaPulse.Infrastructure.Persistence.Claims;

/// <summary>
/// One statement per claim: pick the candidates fairly (each company's rows take turns: every company's first, then every
/// company's second...), skip rows another transaction holds, and stamp the lease, returning the ids. Parameters: {0} now,
/// {1} lease end, {2} how many, {3} at most this many of one company. Column names are the EF defaults.
/// The companies with waiting rows are found by skipping through the (waiting, company, order) index, one probe per
/// company, and each company's turn is an index range: the cost follows the number of companies waiting, not the backlog.
/// </summary>
public abstract class SqlWorkClaimer : IWorkClaimer
{
    public Task<IReadOnlyList<Guid>> ClaimOutboxAsync(AppDbContext db, int max, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken) =>
        ClaimAsync(db, Sql(ClaimableTable.Outbox), max, max, now, lease, cancellationToken);

    public Task<IReadOnlyList<Guid>> ClaimDeliveriesAsync(AppDbContext db, int max, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken) =>
        ClaimAsync(db, Sql(ClaimableTable.Deliveries), max, max, now, lease, cancellationToken);

    public Task<IReadOnlyList<Guid>> ClaimNotificationsAsync(
        AppDbContext db, int max, int perCompany, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken) =>
        ClaimAsync(db, Sql(ClaimableTable.Notifications), max, perCompany, now, lease, cancellationToken);

    /// <summary>The claim statement for <paramref name="table"/>.</summary>
    protected abstract string Sql(ClaimableTable table);

    /// <summary>How a timestamp is passed to the provider (SQLite stores them as sortable integers).</summary>
    protected virtual object Time(DateTimeOffset value) => value.ToUniversalTime();

    protected virtual async Task<IReadOnlyList<Guid>> ClaimAsync(
        AppDbContext db, string sql, int max, int perCompany, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken) =>
        await db.Database.SqlQueryRaw<Guid>(sql, Time(now), Time(now + lease), max, perCompany).ToListAsync(cancellationToken);

    /// <summary>A recursive CTE <c>companies("CompanyId")</c>: each company with waiting rows, found by index skips.</summary>
    protected static string Companies(ClaimableTable table) => $"""
        companies("CompanyId") AS (
            SELECT (SELECT w."CompanyId" FROM {table.Name} w WHERE {table.WaitingAs("w")} ORDER BY w."CompanyId" LIMIT 1)
            UNION ALL
            SELECT (SELECT w."CompanyId" FROM {table.Name} w WHERE {table.WaitingAs("w")} AND w."CompanyId" > c."CompanyId" ORDER BY w."CompanyId" LIMIT 1)
            FROM companies c WHERE c."CompanyId" IS NOT NULL)
        """;
}

public sealed class PostgreSqlWorkClaimer : SqlWorkClaimer
{
    protected override string Sql(ClaimableTable table) => $"""
        WITH RECURSIVE {Companies(table)},
        candidates AS (
            SELECT due."Id" FROM companies c
            CROSS JOIN LATERAL (
                -- ROWS: the default frame would read all of a company's rows that tie with the first before numbering it.
                SELECT d."Id", d."{table.OrderColumn}", ROW_NUMBER() OVER (ORDER BY d."{table.OrderColumn}" ROWS UNBOUNDED PRECEDING) AS "Turn"
                FROM {table.Name} d WHERE d."CompanyId" = c."CompanyId" AND {table.DueAs("d")}
                ORDER BY d."{table.OrderColumn}" LIMIT {"{3}"}) due
            ORDER BY due."Turn", due."{table.OrderColumn}" LIMIT {"{2}"})
        UPDATE {table.Name} SET "LockedUntil" = {"{1}"}
        WHERE "Id" IN (
            -- From the candidates to their rows: "d.Id IN (candidates)" was planned as every waiting row against each candidate.
            SELECT d."Id" FROM candidates c JOIN {table.Name} d ON d."Id" = c."Id"
            WHERE {table.DueAs("d")}
            FOR UPDATE OF d SKIP LOCKED)
        RETURNING "Id" AS "Value"
        """;
}

/// <summary>
/// SQL Server allows no subquery in a recursive CTE's step, so the companies come from a DISTINCT over the index's leading
/// columns (a scan of the waiting keys, without the rows), then <c>CROSS APPLY</c> takes each one's turn.
/// </summary>
public sealed class SqlServerWorkClaimer : SqlWorkClaimer
{
    protected override string Sql(ClaimableTable table) => $"""
        WITH candidates AS (
            SELECT TOP ({"{2}"}) due."Id" FROM (SELECT DISTINCT w."CompanyId" FROM {table.Name} w WHERE {table.WaitingAs("w")}) c
            CROSS APPLY (
                SELECT TOP ({"{3}"}) d."Id", d."{table.OrderColumn}", ROW_NUMBER() OVER (ORDER BY d."{table.OrderColumn}") AS "Turn"
                FROM {table.Name} d WITH (READPAST) WHERE d."CompanyId" = c."CompanyId" AND {table.DueAs("d")}
                ORDER BY d."{table.OrderColumn}") due
            ORDER BY due."Turn", due."{table.OrderColumn}"),
        claimed AS (
            SELECT d."Id", d."LockedUntil" FROM {table.Name} d WITH (UPDLOCK, READPAST, ROWLOCK)
            WHERE d."Id" IN (SELECT "Id" FROM candidates) AND {table.DueAs("d")})
        UPDATE claimed SET "LockedUntil" = {"{1}"} OUTPUT inserted."Id" AS "Value";
        """;
}

/// <summary>
/// SQLite serialises writers, and the app runs on it as a single process: a conditional UPDATE stamping a lease end that
/// is unique to this claim (a few random ticks added), then a read of the rows carrying it. Safe even if the driver
/// re-runs the UPDATE after a busy database. No LATERAL: each company's turn is a correlated <c>IN (... LIMIT)</c>.
/// </summary>
public sealed class SqliteWorkClaimer : SqlWorkClaimer
{
    // The same encoding SqliteAppDbContext stores timestamps with, so raw comparisons match EF's.
    private static readonly UtcTicksConverter Converter = new();

    protected override string Sql(ClaimableTable table) => $"""
        WITH RECURSIVE {Companies(table)},
        due AS (
            SELECT d."Id", d."{table.OrderColumn}", ROW_NUMBER() OVER (PARTITION BY d."CompanyId" ORDER BY d."{table.OrderColumn}") AS "Turn"
            FROM companies c JOIN {table.Name} d ON d."Id" IN (
                SELECT t."Id" FROM {table.Name} t WHERE t."CompanyId" = c."CompanyId" AND {table.DueAs("t")}
                ORDER BY t."{table.OrderColumn}" LIMIT {"{3}"}))
        UPDATE {table.Name} SET "LockedUntil" = {"{1}"}
        WHERE "Id" IN (SELECT "Id" FROM due ORDER BY "Turn", "{table.OrderColumn}" LIMIT {"{2}"});
        SELECT w."Id" AS "Value" FROM {table.Name} w WHERE w."LockedUntil" = {"{1}"} AND {table.WaitingAs("w")}
        """;

    protected override async Task<IReadOnlyList<Guid>> ClaimAsync(
        AppDbContext db, string sql, int max, int perCompany, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        var statements = sql.Split(';', 2);
        // The binary form keeps 1/10 ms; a random part of a second makes this claim's lease end its own.
        var token = now + lease + TimeSpan.FromMilliseconds(Random.Shared.Next(1, 1_000_000) / 1000.0);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync(statements[0], [Time(now), Time(token), max, perCompany], cancellationToken);
        var ids = await db.Database.SqlQueryRaw<Guid>(statements[1].Trim(), Time(now), Time(token)).ToListAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ids;
    }

    protected override object Time(DateTimeOffset value) => Converter.ConvertToProvider(value.ToUniversalTime())!;
}
