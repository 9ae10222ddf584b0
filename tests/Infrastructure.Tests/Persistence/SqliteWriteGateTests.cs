using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting.Internal;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.UnitTests;
using NovaPulse.Domain.Companies;
using NovaPulse.Infrastructure.Configuration;
using NovaPulse.Infrastructure.Persistence;

namespace NovaPulse.Infrastructure.Tests.Persistence;

/// <summary>
/// The embedded SQLite database has one writer at a time. This host's writers queue for it in the gate, so a writer behind
/// a transaction waits without holding a thread and gets the lock in its turn, not whenever SQLite's sleeping retry wakes.
/// </summary>
public sealed class SqliteWriteGateTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "novapulse-gate-" + Guid.NewGuid().ToString("N"));
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var database = new DatabaseConnection(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_folder, "gate.db")};Default Timeout=10");
        var services = new ServiceCollection();
        services.AddScoped<ICurrentUser, TestCurrentUser>();
        services.AddPersistence(new ModuleContext(new ConfigurationBuilder().Build(), new HostingEnvironment(), _folder, database, WorkersEnabled: false));
        // Saving rules are not under test: the interceptors' own services (wake-ups, request) stay out of it.
        services.RemoveAll<ISaveChangesInterceptor>();
        _services = services.BuildServiceProvider();
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.EnsureCreatedAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Saves_waiting_for_the_lock_get_it_in_the_order_they_asked()
    {
        await WhileLockedAsync(i => WriteAsync(db =>
        {
            db.Companies.Add(Company.Create($"Waiter {i}", DateTimeOffset.UtcNow));
            return db.SaveChangesAsync();
        }));

        await using var scope = _services.CreateAsyncScope();
        var names = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database
            .SqlQueryRaw<string>("SELECT Name AS Value FROM companies WHERE Name LIKE 'Waiter %' ORDER BY rowid").ToListAsync();
        Assert.Equal(Enumerable.Range(0, Waiters).Select(i => $"Waiter {i}"), names);
        Assert.True(Gate.IsIdle);
    }

    [Fact]
    public async Task Writes_outside_a_transaction_queue_in_the_same_order()
    {
        var journal = await AddCompanyAsync("Journal");

        await WhileLockedAsync(i => WriteAsync(db => db.Database.ExecuteSqlAsync(
            $"UPDATE companies SET Name = Name || ' ' || {i.ToString(System.Globalization.CultureInfo.InvariantCulture)} WHERE Id = {journal}")));

        await using var scope = _services.CreateAsyncScope();
        var name = (await scope.ServiceProvider.GetRequiredService<AppDbContext>().Companies.SingleAsync(c => c.Id == journal)).Name;
        Assert.Equal("Journal " + string.Join(' ', Enumerable.Range(0, Waiters)), name);
        Assert.True(Gate.IsIdle);
    }

    [Fact]
    public async Task A_transaction_given_up_without_commit_or_rollback_frees_the_gate()
    {
        await using (var scope = _services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var transaction = await db.Database.BeginTransactionAsync();
            db.Companies.Add(Company.Create("Abandoned", DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
            Assert.False(Gate.IsIdle);
            await transaction.DisposeAsync();
        }

        Assert.True(Gate.IsIdle);
        await AddCompanyAsync("Next");
        Assert.Equal(1, await CountCompaniesAsync());
    }

    [Fact]
    public async Task A_failed_write_frees_the_gate()
    {
        await using (var scope = _services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("INSERT INTO no_such_table VALUES (1)"));
        }

        Assert.True(Gate.IsIdle);
        await AddCompanyAsync("Next");
        Assert.Equal(1, await CountCompaniesAsync());
    }

    private const int Waiters = 6;

    /// <summary>
    /// Holds a write transaction while <see cref="Waiters"/> writers start one after another (each on its own thread, as
    /// requests do), then commits: without the gate SQLite's sleeping retries hand the lock to whichever wakes first.
    /// </summary>
    private async Task WhileLockedAsync(Func<int, Task> write)
    {
        var writers = new List<Task>();
        await WriteAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            for (var i = 0; i < Waiters; i++)
            {
                var index = i;
                writers.Add(Task.Run(() => write(index)));
                await Task.Delay(TimeSpan.FromMilliseconds(100));
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
            await transaction.CommitAsync();
            return 0;
        });
        await Task.WhenAll(writers);
    }

    private async Task WriteAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        await using var scope = _services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private SqliteWriteGate Gate => _services.GetRequiredService<SqliteWriteGate>();

    private async Task<Guid> AddCompanyAsync(string name)
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var company = Company.Create(name, DateTimeOffset.UtcNow);
        db.Companies.Add(company);
        await db.SaveChangesAsync();
        return company.Id;
    }

    private async Task<int> CountCompaniesAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Companies.CountAsync();
    }
}
