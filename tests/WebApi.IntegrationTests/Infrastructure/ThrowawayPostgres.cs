namespace NovaPulse.WebApi.IntegrationTests.Infrastructure;

/// <summary>
/// A PostgreSQL cluster of the test's own (scripts/postgres.sh on a free port and a fresh folder), so a test can stop
/// the database under a running host without disturbing the rest of the suite.
/// </summary>
public sealed class ThrowawayPostgres : IAsyncDisposable
{
    private readonly string _dataDirectory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "novapulse-pg-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly int _port = LoopbackPort.Free();

    private ThrowawayPostgres()
    {
    }

    public string ConnectionString => $"Host=127.0.0.1;Port={_port};Username=postgres;Database=postgres";

    public static async Task<ThrowawayPostgres> StartAsync()
    {
        var cluster = new ThrowawayPostgres();
        await cluster.StartAgainAsync();
        return cluster;
    }

    public Task StartAgainAsync() => RunScriptAsync("start");

    /// <summary>Fast shutdown: open connections are cut, new ones refused.</summary>
    public Task StopAsync() => RunScriptAsync("stop");

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    private Task<string> RunScriptAsync(string command) => RepositoryScript.RunAsync("postgres.sh", command, new Dictionary<string, string>
    {
        ["NOVAPULSE_PG_PORT"] = _port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["NOVAPULSE_PG_DIR"] = _dataDirectory,
    });
}
