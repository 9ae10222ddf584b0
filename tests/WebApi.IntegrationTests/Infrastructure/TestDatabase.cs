using Npgsql;

namespace NovaPulse.WebApi.IntegrationTests.Infrastructure;

/// <summary>
/// Which real database the suite runs on: SQLite (default) or PostgreSQL when <c>NOVAPULSE_TEST_DB=postgres</c>
/// (connection from <c>NOVAPULSE_TEST_PG</c>; <c>scripts/postgres.sh start</c> provides one). Each host gets a fresh database.
/// </summary>
public static class TestDatabase
{
    public static bool IsPostgres =>
        string.Equals(Environment.GetEnvironmentVariable("NOVAPULSE_TEST_DB"), "postgres", StringComparison.OrdinalIgnoreCase);

    public static string ProviderName => IsPostgres ? "PostgreSql" : "Sqlite";

    /// <summary>Creates an empty database for one host and returns its connection string.</summary>
    public static async Task<string> CreateAsync(string dataDirectory)
    {
        if (!IsPostgres)
        {
            return $"Data Source={Path.Combine(dataDirectory, "novapulse.db")}";
        }

        var name = "np_test_" + Guid.NewGuid().ToString("N")[..12];
        await AdministerAsync($"CREATE DATABASE {name}");
        return new NpgsqlConnectionStringBuilder(Admin) { Database = name, Pooling = true }.ConnectionString;
    }

    /// <summary>
    /// Drops a host's PostgreSQL database and closes its pooled connections. A run starts dozens of hosts, and their idle
    /// pools held the server's connection slots to the end of the run: a test opening 60 requests at once late in the run
    /// could meet "too many clients".
    /// </summary>
    public static async Task DropAsync(string connectionString)
    {
        if (!IsPostgres || connectionString.Length == 0)
        {
            return;
        }

        await using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await AdministerAsync($"DROP DATABASE IF EXISTS {new NpgsqlConnectionStringBuilder(connectionString).Database} WITH (FORCE)");
    }

    private static string Admin => Environment.GetEnvironmentVariable("NOVAPULSE_TEST_PG") is { Length: > 0 } configured
        ? configured
        : "Host=127.0.0.1;Port=25432;Username=postgres;Database=postgres";

    private static async Task AdministerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
