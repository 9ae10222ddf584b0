using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NovaPulse.Infrastructure.Persistence;

public static partial class DatabaseInitializer
{
    /// <summary><c>dotnet NovaPulse.WebApi.dll migrate</c>: apply the pending migrations and exit (run once before a rolling restart).</summary>
    public const string MigrateCommand = "migrate";

    /// <summary>
    /// Before the host serves requests: applies pending migrations when <c>Database:MigrateOnStartup</c> (or
    /// <paramref name="migrate"/>, the <see cref="MigrateCommand"/>); otherwise refuses a database that lacks some, since
    /// this build's queries would fail on it.
    /// </summary>
    public static async Task InitialiseDatabaseAsync(this IServiceProvider services, bool migrate = false, CancellationToken cancellationToken = default)
    {
        using var scope = services.CreateScope();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));
        List<string> pending;
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            CreateSqliteFolder(db.Database.GetDbConnection());
        }

        try
        {
            if (!migrate && !options.MigrateOnStartup)
            {
                pending = [.. await db.Database.GetPendingMigrationsAsync(cancellationToken)];
            }
            else
            {
                await db.Database.MigrateAsync(cancellationToken);
                if (options.Provider == DatabaseProvider.Sqlite)
                {
                    // WAL lets readers proceed while a writer commits; the file is shared by API and workers in one process.
                    await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
                }

                LogMigrated(logger, options.Provider);
                return;
            }
        }
        catch (DbException e)
        {
            // An unreachable server or a wrong password is an operator's fix: the host prints this as one line.
            throw new DatabaseStartupException(options.Provider, db.Database.GetDbConnection(), e);
        }

        if (pending.Count > 0)
        {
            throw new DatabaseNotMigratedException(options.Provider, pending);
        }
    }

    /// <summary>SQLite creates its file but not the folder (by default the data folder, which registration leaves alone).</summary>
    private static void CreateSqliteFolder(DbConnection connection)
    {
        var file = new SqliteConnectionStringBuilder(connection.ConnectionString).DataSource;
        if (file is { Length: > 0 } && file != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database ready ({Provider}, migrations applied)")]
    private static partial void LogMigrated(ILogger logger, DatabaseProvider provider);
}
