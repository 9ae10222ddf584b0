using System.Globalization;

namespace NovaPulse.WebApi.IntegrationTests.Infrastructure;

/// <summary>A Redis of the test's own (scripts/redis.sh on a free port and a fresh folder), so a test can stop it under running hosts.</summary>
public sealed class ThrowawayRedis : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "novapulse-redis-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly int _port = LoopbackPort.Free();

    /// <summary>The <c>Redis:Configuration</c> value.</summary>
    public string Configuration => $"127.0.0.1:{_port}";

    public Task InitializeAsync() => StartAsync();

    public Task StartAsync() => RunScriptAsync("start");

    public Task StopAsync() => RunScriptAsync("stop");

    public async Task DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private Task<string> RunScriptAsync(string command) => RepositoryScript.RunAsync("redis.sh", command, new Dictionary<string, string>
    {
        ["NOVAPULSE_REDIS_PORT"] = _port.ToString(CultureInfo.InvariantCulture),
        ["NOVAPULSE_REDIS_DIR"] = _directory,
    });
}
