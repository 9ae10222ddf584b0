using Microsoft.EntityFrameworkCore;

namespace NovaPulse.Infrastructure.Persistence;

/// <summary>SQLite: the zero-configuration default. Migrations in Persistence/Migrations/Sqlite.</summary>
public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options)
    : AppDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no native DateTimeOffset: stored as a sortable integer so ranges and ORDER BY run in the database.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }
}
