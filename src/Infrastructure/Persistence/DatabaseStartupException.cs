using System.Data.Common;

namespace NovaPulse.Infrastructure.Persistence;

/// <summary>
/// The database could not be reached or migrated while the host started. The message names the provider and server
/// (never the connection string, which may hold a password) so the host can print it as one line.
/// </summary>
public sealed class DatabaseStartupException : Exception
{
    public DatabaseStartupException(DatabaseProvider provider, DbConnection connection, Exception inner)
        : base(Describe(provider, connection, inner), inner)
    {
    }

    private static string Describe(DatabaseProvider provider, DbConnection connection, Exception inner)
    {
        var where = provider == DatabaseProvider.Sqlite
            ? $"at {connection.DataSource}"
            : $"'{connection.Database}' on {connection.DataSource}";
        // Provider messages can run over several lines (SQL Server's do); the first one says what went wrong.
        var reason = inner.Message.Split('\n', 2)[0].Trim().TrimEnd('.');
        return $"The {provider} database {where} could not be opened or migrated at start: {reason}. "
            + "Check ConnectionStrings:Default (environment variable ConnectionStrings__Default) and that the server is reachable.";
    }
}
