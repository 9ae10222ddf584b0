using System.Data.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Npgsql;

namespace NovaPulse.Infrastructure.Persistence;

/// <summary>The configured provider and connection string (<c>Database:Provider</c>, <c>ConnectionStrings:Default</c>).</summary>
public sealed record DatabaseConnection(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>SQLite defaults to <c>novapulse.db</c> in the data folder; the server providers need a connection string.</summary>
    public static DatabaseConnection From(IConfiguration configuration, string dataDirectory)
    {
        var database = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = configuration.GetConnectionString("Default");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = database.Provider == DatabaseProvider.Sqlite
                ? $"Data Source={Path.Combine(dataDirectory, "novapulse.db")}"
                : throw new OptionsValidationException(
                    "ConnectionStrings:Default", typeof(DatabaseOptions),
                    [$"ConnectionStrings:Default is required when Database:Provider is {database.Provider}: set the environment variable ConnectionStrings__Default."]);
        }

        return new(database.Provider, database.Provider == DatabaseProvider.PostgreSql ? WithPoolDefaults(connectionString) : connectionString);
    }

    /// <summary>
    /// Two defaults for the API's connections, each kept as the connection string sets it if it names it:
    /// <list type="bullet">
    /// <item><c>Max Auto Prepare=64</c>: the statements the API repeats (a create's inserts and counter update, the list, the
    /// workers' claims) are prepared on each connection after a few uses, so PostgreSQL stops parsing and planning them
    /// every time (0 turns it off, as a pooler in transaction mode may need).</item>
    /// <item><c>No Reset On Close=true</c>: a connection going back to the pool is not reset (five statements PostgreSQL
    /// ran before every request's first). The API sets no session state on these connections (no SET, LISTEN, temporary
    /// table or advisory lock; the cluster listener has its own), and an open transaction is still rolled back.</item>
    /// </list>
    /// </summary>
    private static string WithPoolDefaults(string connectionString)
    {
        // The keys as written: Npgsql's own builder reports every keyword it knows as present.
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", "", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.Contains(nameof(NpgsqlConnectionStringBuilder.MaxAutoPrepare)))
        {
            builder.MaxAutoPrepare = 64;
        }

        if (!given.Contains(nameof(NpgsqlConnectionStringBuilder.NoResetOnClose)))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }
}
