using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using NovaPulse.Infrastructure.Persistence;
using NovaPulse.Infrastructure.Workers;

namespace NovaPulse.Infrastructure.Configuration;

/// <summary>
/// What every area's <c>Add*</c> needs to decide its registrations, read once by <see cref="DependencyInjection"/>: the
/// configuration, the environment, where local state lives, the database (persistence and the cluster channel depend on
/// it), and whether this host runs the background workers.
/// </summary>
public sealed record ModuleContext(
    IConfiguration Configuration, IHostEnvironment Environment, string DataDirectory, DatabaseConnection Database, bool WorkersEnabled)
{
    public static ModuleContext From(IConfiguration configuration, IHostEnvironment environment)
    {
        var dataDirectory = DataDirectoryOf(configuration);
        return new(
            configuration,
            environment,
            dataDirectory,
            DatabaseConnection.From(configuration, dataDirectory),
            configuration.GetSection(WorkerOptions.SectionName).Get<WorkerOptions>()?.Enabled ?? true);
    }

    /// <summary>
    /// Where local state lives (SQLite file, generated development keys, local uploads): <c>DataDirectory</c>, default
    /// <c>./data</c>. Only the path: each user creates its folder when it first writes there, not at registration.
    /// </summary>
    private static string DataDirectoryOf(IConfiguration configuration)
    {
        var path = configuration["DataDirectory"] is { Length: > 0 } configured ? configured : "data";
        return Path.GetFullPath(path, Directory.GetCurrentDirectory());
    }
}
