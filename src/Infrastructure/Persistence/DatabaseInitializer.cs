using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NovaPulse.Infrastructure.Persistence;

public static partial class DatabaseInitializer
{
    /// <summary>Applies pending migrations (when <c>Database:MigrateOnStartup</c>) before the host serves requests.</summary>
    public static async Task InitialiseDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        using var scope = services.CreateScope();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));
        if (!options.MigrateOnStartup)
        {
            return;
        }

        try
        {
            await db.Database.MigrateAsync(cancellationToken);
            if (options.Provider == DatabaseProvider.Sqlite)
            {
                // WAL lets readers proceed while a writer commits; the file is shared by API and workers in one process.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
        }
        catch (DbException e)
        {
            // An unreachable server or a wrong password is an operator's fix: the host prints this as one line.
            throw new DatabaseStartupException(options.Provider, db.Database.GetDbConnection(), e);
        }

        LogMigrated(logger, options.Provider);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database ready ({Provider}, migrations applied)")]
    private static partial void LogMigrated(ILogger logger, DatabaseProvider provider);
}
