using Microsoft.Extensions.Configuration;
using NovaPulse.Infrastructure.Persistence;
using Npgsql;

namespace NovaPulse.Infrastructure.Tests.Persistence;

/// <summary>PostgreSQL connections prepare the statements they repeat unless the operator chose otherwise.</summary>
public sealed class DatabaseConnectionTests
{
    private static DatabaseConnection From(string provider, string connectionString) =>
        DatabaseConnection.From(
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = provider,
                ["ConnectionStrings:Default"] = connectionString,
            }).Build(),
            Path.GetTempPath());

    [Fact]
    public void A_PostgreSql_connection_string_without_the_setting_prepares_repeated_statements()
    {
        var connection = From("PostgreSql", "Host=db;Database=novapulse;Username=app");

        var builder = new NpgsqlConnectionStringBuilder(connection.ConnectionString);
        Assert.Equal(64, builder.MaxAutoPrepare);
        Assert.Equal("db", builder.Host);
        Assert.Equal("novapulse", builder.Database);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;MaxAutoPrepare=10", 10)]
    [InlineData("Host=db;max auto prepare=5", 5)]
    public void A_PostgreSql_connection_string_that_names_the_setting_keeps_it(string connectionString, int expected)
    {
        var connection = From("PostgreSql", connectionString);

        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(connection.ConnectionString).MaxAutoPrepare);
    }

    [Fact]
    public void Other_providers_keep_their_connection_string_as_given()
    {
        Assert.Equal("Data Source=/tmp/x.db", From("Sqlite", "Data Source=/tmp/x.db").ConnectionString);
        Assert.Equal("Server=db;Database=NovaPulse", From("SqlServer", "Server=db;Database=NovaPulse").ConnectionString);
    }
}
