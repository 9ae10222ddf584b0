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

        return new(database.Provider, database.Provider == DatabaseProvider.PostgreSql ? WithPreparedStatements(connectionString) : connectionString);
    }

    /// <summary>
    /// The statements the API repeats (a create's inserts and counter update, the list, the workers' claims) are prepared
    /// on each connection after a few uses, so PostgreSQL stops parsing and planning them every time. A connection
    /// string that names <c>Max Auto Prepare</c> (0 turns it off, as a pooler in transaction mode may need) is kept.
    /// </summary>
    private static string WithPreparedStatements(string connectionString)
    {
        // The keys as written: Npgsql's own builder reports every keyword it knows as present.
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (given.Keys.Cast<string>().Any(k => k.Replace(" ", "", StringComparison.Ordinal).Equals("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase)))
        {
            return connectionString;
        }

        return new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 64 }.ConnectionString;
    }
}
