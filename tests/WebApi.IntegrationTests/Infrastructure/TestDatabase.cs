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

        var admin = Environment.GetEnvironmentVariable("NOVAPULSE_TEST_PG") is { Length: > 0 } configured
            ? configured
            : "Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres";
        var name = "np_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = true }.ConnectionString;
    }
}
