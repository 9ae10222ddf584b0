using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using NovaPulse.Infrastructure.Persistence;
using NovaPulse.Infrastructure.Persistence.DesignTime;

namespace NovaPulse.WebApi.IntegrationTests;

/// <summary>Every provider's migrations cover the model; a model change without `scripts/add-migration.sh` fails here.</summary>
public sealed class MigrationTests
{
    public static TheoryData<string> Providers => ["Sqlite", "PostgreSql", "SqlServer"];

    [Theory]
    [MemberData(nameof(Providers))]
    public void Migrations_cover_the_model(string provider)
    {
        using var context = Create(provider);

        Assert.False(
            context.Database.HasPendingModelChanges(),
            $"The model has changes no {provider} migration covers. Run: scripts/add-migration.sh <Name>");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Migrations_produce_a_sql_script(string provider)
    {
        using var context = Create(provider);

        var script = context.GetInfrastructure().GetRequiredService<IMigrator>().GenerateScript();

        Assert.Contains("tasks", script, StringComparison.Ordinal);
        Assert.Contains("outbox_messages", script, StringComparison.Ordinal);
    }

    private static AppDbContext Create(string provider) => provider switch
    {
        "Sqlite" => new SqliteDesignTimeFactory().CreateDbContext([]),
        "PostgreSql" => new PostgreSqlDesignTimeFactory().CreateDbContext([]),
        _ => new SqlServerDesignTimeFactory().CreateDbContext([]),
    };
}
