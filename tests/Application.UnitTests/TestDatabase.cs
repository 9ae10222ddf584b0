using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Infrastructure.Cluster;
using NovaPulse.Infrastructure.Persistence;
using NovaPulse.Infrastructure.Persistence.Interceptors;
using NovaPulse.Infrastructure.Workers;
using Npgsql;

namespace NovaPulse.Application.UnitTests;

/// <summary>
/// A private database with the real model and the real SaveChanges interceptors: in-memory SQLite (alive while the
/// connection is open), or a fresh PostgreSQL database when <c>NOVAPULSE_TEST_DB=postgres</c> (server from
/// <c>NOVAPULSE_TEST_PG</c>, as the integration tests). Each <see cref="NewContext"/> is one unit of work, as a request scope would be.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private static readonly bool IsPostgres =
        string.Equals(Environment.GetEnvironmentVariable("NOVAPULSE_TEST_DB"), "postgres", StringComparison.OrdinalIgnoreCase);

    private readonly SqliteConnection? _connection;
    private readonly string? _postgres;

    // Nothing waits on it here; the interceptor signals it after commits that wrote outbox events.
    private readonly WorkSignal _outboxSignal = new();

    public TestDatabase()
    {
        if (IsPostgres)
        {
            _postgres = CreatePostgresDatabase();
        }
        else
        {
            _connection = new SqliteConnection("Data Source=:memory:");
            _connection.Open();
        }

        using var context = NewContext();
        context.Database.EnsureCreated();
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public TestCurrentUser CurrentUser { get; } = new();

    public TestRequestContext Request { get; } = new();

    /// <summary>What the outbox interceptor wakes after commits: the event streams of the companies whose events committed.</summary>
    public EventStreamSignal Streams { get; } = new();

    /// <summary>A context acting as <see cref="CurrentUser"/>, or as <paramref name="actingAs"/> (e.g. nobody, for seeding).</summary>
    public AppDbContext NewContext(ICurrentUser? actingAs = null)
    {
        var user = actingAs ?? CurrentUser;
        IInterceptor[] interceptors =
        [
            new TenantStampInterceptor(), new AuditInterceptor(Request, Clock),
            new OutboxInterceptor(Clock, new WakeUps(_outboxSignal, _outboxSignal, _outboxSignal, Streams, SingleHostNotifier.Instance)),
        ];
        if (_postgres is not null)
        {
            var options = new DbContextOptionsBuilder<PostgreSqlAppDbContext>().UseNpgsql(_postgres).AddInterceptors(interceptors).Options;
            return new PostgreSqlAppDbContext(options) { CurrentUser = user };
        }

        var sqlite = new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(_connection!).AddInterceptors(interceptors).Options;
        return new SqliteAppDbContext(sqlite) { CurrentUser = user };
    }

    public void Dispose()
    {
        _connection?.Dispose();
        _outboxSignal.Dispose();
        if (_postgres is not null)
        {
            using (var pooled = new NpgsqlConnection(_postgres))
            {
                NpgsqlConnection.ClearPool(pooled);
            }

            Admin($"DROP DATABASE IF EXISTS {new NpgsqlConnectionStringBuilder(_postgres).Database} WITH (FORCE)");
        }
    }

    private static string CreatePostgresDatabase()
    {
        var name = "np_unit_" + Guid.NewGuid().ToString("N")[..12];
        Admin($"CREATE DATABASE {name}");
        return new NpgsqlConnectionStringBuilder(AdminConnection) { Database = name }.ConnectionString;
    }

    private static string AdminConnection =>
        Environment.GetEnvironmentVariable("NOVAPULSE_TEST_PG") is { Length: > 0 } configured
            ? configured
            : "Host=127.0.0.1;Port=25432;Username=postgres;Database=postgres";

    private static void Admin(string sql)
    {
        using var connection = new NpgsqlConnection(AdminConnection);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
