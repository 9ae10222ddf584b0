using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Infrastructure.Cluster;
using NovaPulse.Infrastructure.Persistence;
using NovaPulse.Infrastructure.Persistence.Interceptors;
using NovaPulse.Infrastructure.Workers;

namespace NovaPulse.Application.UnitTests;

/// <summary>
/// A private in-memory SQLite database (alive while the connection is open) with the real model and the real
/// SaveChanges interceptors. Each <see cref="NewContext"/> is one unit of work, as a request scope would be.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    // Nothing waits on it here; the interceptor signals it after commits that wrote outbox events.
    private readonly WorkSignal _outboxSignal = new();

    public TestDatabase()
    {
        _connection.Open();
        using var context = NewContext();
        context.Database.EnsureCreated();
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public TestCurrentUser CurrentUser { get; } = new();

    public TestRequestContext Request { get; } = new();

    /// <summary>A context acting as <see cref="CurrentUser"/>, or as <paramref name="actingAs"/> (e.g. nobody, for seeding).</summary>
    public SqliteAppDbContext NewContext(ICurrentUser? actingAs = null)
    {
        var user = actingAs ?? CurrentUser;
        var options = new DbContextOptionsBuilder<SqliteAppDbContext>()
            .UseSqlite(_connection)
            .AddInterceptors(new TenantStampInterceptor(), new AuditInterceptor(Request, Clock), new OutboxInterceptor(Clock, new WakeUps(_outboxSignal, _outboxSignal, _outboxSignal, new EventStreamSignal(), SingleHostNotifier.Instance)))
            .Options;
        return new SqliteAppDbContext(options) { CurrentUser = user };
    }

    public void Dispose()
    {
        _connection.Dispose();
        _outboxSignal.Dispose();
    }
}
