using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Common.Interfaces;

namespace NovaPulse.Infrastructure.Persistence;

/// <summary>PostgreSQL. Migrations in Persistence/Migrations/PostgreSql.</summary>
public sealed class PostgreSqlAppDbContext(DbContextOptions<PostgreSqlAppDbContext> options, ICurrentUser currentUser)
    : AppDbContext(options, currentUser);
