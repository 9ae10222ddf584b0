namespace NovaPulse.Infrastructure.Persistence;

/// <summary>Section <c>Database</c>; the connection string is <c>ConnectionStrings:Default</c>.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations when the host starts.</summary>
    public bool MigrateOnStartup { get; set; } = true;
}
