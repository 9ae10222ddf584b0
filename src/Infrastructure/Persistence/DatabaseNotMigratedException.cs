namespace NovaPulse.Infrastructure.Persistence;

/// <summary>
/// <c>Database:MigrateOnStartup</c> is off and the database lacks migrations this build needs: the operator runs the
/// <c>migrate</c> command first (one instance, before the rolling restart), rather than N hosts racing to migrate.
/// </summary>
public sealed class DatabaseNotMigratedException(DatabaseProvider provider, IReadOnlyList<string> pending)
    : Exception($"The {provider} database lacks {pending.Count} migration(s) ({string.Join(", ", pending)}) and Database:MigrateOnStartup is false: "
        + $"run `dotnet NovaPulse.WebApi.dll {DatabaseInitializer.MigrateCommand}` once, then start the hosts.");
