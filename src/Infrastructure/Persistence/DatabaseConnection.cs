using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

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

        return new(database.Provider, connectionString);
    }
}
