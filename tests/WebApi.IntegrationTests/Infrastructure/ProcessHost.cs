using System.Diagnostics;
using System.Net;

namespace NovaPulse.WebApi.IntegrationTests.Infrastructure;

/// <summary>
/// The built API host as a real OS process (what production runs), so tests can SIGKILL it mid-work and start it
/// again on the same database.
/// </summary>
public sealed class ProcessHost : IAsyncDisposable
{
    private readonly Dictionary<string, string> _environment;
    private Process? _process;

    public ProcessHost(string dataDirectory, string connectionString, IDictionary<string, string>? settings = null)
    {
        Port = LoopbackPort.Free();
        _environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{Port}",
            ["DataDirectory"] = dataDirectory,
            ["Database__Provider"] = TestDatabase.ProviderName,
            ["ConnectionStrings__Default"] = connectionString,
            ["Jwt__SigningKey"] = "integration-tests-signing-key-0123456789abcdef",
            ["RateLimiting__AuthPermitsPerMinute"] = "100000",
            ["RateLimiting__PermitsPerMinute"] = "1000000",
            ["Serilog__MinimumLevel__Default"] = "Warning",
            ["Billing__Plans__0__Limits__Tasks"] = "100000000",
            ["Shutdown__DrainDelay"] = "00:00:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            _environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    public async Task StartAsync()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "NovaPulse.WebApi.dll");
        var start = new ProcessStartInfo("dotnet", $"\"{dll}\"") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the host.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with code {_process.ExitCode} while starting.");
            }

            try
            {
                if ((await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The host did not become ready within 60 s.");
    }

    /// <summary>SIGKILL: no graceful shutdown, no flushing, like a crashed machine.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    /// <remarks>Generous timeout: the first request after a restart pays for JIT on a possibly busy CI machine.</remarks>
    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
    }
}
