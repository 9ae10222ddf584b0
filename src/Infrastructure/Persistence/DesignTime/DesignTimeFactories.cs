using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Domain.Common;

namespace NovaPulse.Infrastructure.Persistence.DesignTime;

// Used only by `dotnet ef migrations add` (see docs/DEVELOPMENT.md): each provider's context with a placeholder
// connection string, since generating migrations never connects.

public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=design.db").Options, new NoCurrentUser());
}

public sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlAppDbContext>
{
    public PostgreSqlAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlAppDbContext>().UseNpgsql("Host=localhost").Options, new NoCurrentUser());
}

public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerAppDbContext>
{
    public SqlServerAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerAppDbContext>().UseSqlServer("Server=localhost").Options, new NoCurrentUser());
}

/// <summary>No principal: design time and background work outside a request.</summary>
public sealed class NoCurrentUser : ICurrentUser
{
    public bool IsAuthenticated => false;

    public Guid? UserId => null;

    public Guid? CompanyId => null;

    public Role? Role => null;

    public Guid? ApiKeyId => null;
}
