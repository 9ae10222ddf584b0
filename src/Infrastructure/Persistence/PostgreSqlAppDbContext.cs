using Microsoft.EntityFrameworkCore;

namespace NovaPulse.Infrastructure.Persistence;

/// <summary>PostgreSQL. Migrations in Persistence/Migrations/PostgreSql.</summary>
public sealed class PostgreSqlAppDbContext(DbContextOptions<PostgreSqlAppDbContext> options)
    : AppDbContext(options);
