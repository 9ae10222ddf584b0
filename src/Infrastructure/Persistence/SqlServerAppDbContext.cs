using Microsoft.EntityFrameworkCore;

namespace NovaPulse.Infrastructure.Persistence;

/// <summary>SQL Server, the production provider of the design. Migrations in Persistence/Migrations/SqlServer.</summary>
public sealed class SqlServerAppDbContext(DbContextOptions<SqlServerAppDbContext> options)
    : AppDbContext(options);
