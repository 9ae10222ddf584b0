using Microsoft.Extensions.Configuration;
using NovaPulse.Infrastructure.Persistence;
using Npgsql;

namespace NovaPulse.Infrastructure.Tests.Persistence;

/// <summary>PostgreSQL connections prepare the statements they repeat and skip the reset on return, unless the operator chose otherwise.</summary>
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
    public void A_PostgreSql_connection_string_without_the_settings_gets_the_pool_defaults()
    {
        var connection = From("PostgreSql", "Host=db;Database=novapulse;Username=app");

        var builder = new NpgsqlConnectionStringBuilder(connection.ConnectionString);
        Assert.Equal(64, builder.MaxAutoPrepare);
        Assert.True(builder.NoResetOnClose);
        Assert.Equal("db", builder.Host);
        Assert.Equal("novapulse", builder.Database);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0;No Reset On Close=false", 0, false)]
    [InlineData("Host=db;MaxAutoPrepare=10", 10, true)]
    [InlineData("Host=db;max auto prepare=5;NoResetOnClose=false", 5, false)]
    [InlineData("Host=db;no reset on close=false", 64, false)]
    public void A_PostgreSql_connection_string_that_names_a_setting_keeps_it(string connectionString, int prepare, bool noReset)
    {
        var builder = new NpgsqlConnectionStringBuilder(From("PostgreSql", connectionString).ConnectionString);

        Assert.Equal(prepare, builder.MaxAutoPrepare);
        Assert.Equal(noReset, builder.NoResetOnClose);
    }

    [Fact]
    public void Other_providers_keep_their_connection_string_as_given()
    {
        Assert.Equal("Data Source=/tmp/x.db", From("Sqlite", "Data Source=/tmp/x.db").ConnectionString);
        Assert.Equal("Server=db;Database=NovaPulse", From("SqlServer", "Server=db;Database=NovaPulse").ConnectionString);
    }
}
