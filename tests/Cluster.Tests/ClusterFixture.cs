using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace NovaPulse.Cluster.Tests;

/// <summary>
/// Starts scripts/cluster.sh once (fresh folder, its own PostgreSQL and Redis ports) and stops it at the end. The hosts
/// poll event streams only every 30 s, so what arrives sooner was woken by a notification; short webhook leases (5 s)
/// let a killed host's work be taken over within the test. The rate limits are raised out of the way here (2,000 events
/// come from one principal); <see cref="DefaultLimitsClusterFixture"/> runs the production limits.
/// </summary>
public class ClusterFixture : IAsyncLifetime
{
    private static readonly string BaseFolder = Environment.GetEnvironmentVariable("NOVAPULSE_CLUSTER_TEST_DIR") ?? "/tmp/novapulse-cluster-tests";
    private static readonly int BaseProxyPort = int.Parse(Environment.GetEnvironmentVariable("NOVAPULSE_CLUSTER_TEST_PORT") ?? "5290");
    private static readonly int BasePostgresPort = int.Parse(Environment.GetEnvironmentVariable("NOVAPULSE_CLUSTER_TEST_PG_PORT") ?? "25442");
    private static readonly int BaseRedisPort = int.Parse(Environment.GetEnvironmentVariable("NOVAPULSE_CLUSTER_TEST_REDIS_PORT") ?? "26442");

    private const string CommonSettings = "Serilog__MinimumLevel__Default=Warning";

    private readonly string _folder;
    private readonly int _proxyPort;
    private readonly int _postgresPort;
    private readonly int _redisPort;
    private readonly string _settings;

    public ClusterFixture()
        : this(0, "EventStream__PollInterval=00:00:30 Webhooks__TimeoutSeconds=2 Webhooks__LeaseMargin=00:00:03 " +
            "RateLimiting__PermitsPerMinute=1000000 RateLimiting__AuthPermitsPerMinute=1000 Billing__Plans__0__Limits__Tasks=1000000")
    {
    }

    /// <summary>Cluster <paramref name="index"/> gets its own folder and ports (proxy +5 each, PostgreSQL and Redis +1), so two never collide.</summary>
    protected ClusterFixture(int index, string settings)
    {
        _folder = index == 0 ? BaseFolder : $"{BaseFolder}-{index}";
        _proxyPort = BaseProxyPort + (5 * index);
        _postgresPort = BasePostgresPort + index;
        _redisPort = BaseRedisPort + index;
        _settings = $"{settings} {CommonSettings}".Trim();
        Proxy = new Uri($"http://127.0.0.1:{_proxyPort}");
    }

    public Uri Proxy { get; }

    /// <summary>Host 1 and 2 run the workers; host 3 is API-only.</summary>
    public Uri Host(int n) => new($"http://127.0.0.1:{_proxyPort + n}");

    /// <summary>Which host answered, from the proxy's X-Served-By (the upstream address).</summary>
    public int ServedBy(HttpResponseMessage response)
    {
        var upstream = Assert.Single(response.Headers.GetValues("X-Served-By"));
        return int.Parse(upstream.Split(':')[^1]) - _proxyPort;
    }

    public async Task InitializeAsync()
    {
        await RunScriptAsync("stop");
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        await RunScriptAsync("start");
    }

    public Task DisposeAsync() => RunScriptAsync("stop");

    /// <summary>kill -9: no shutdown, leases left behind.</summary>
    public void Kill(int host)
    {
        var pid = int.Parse(File.ReadAllText(Path.Combine(_folder, $"host{host}", "pid")).Trim());
        Process.GetProcessById(pid).Kill();
    }

    /// <summary>Starts what is not running and waits until the proxy sends requests to every host again.</summary>
    public async Task HealAsync()
    {
        await RunScriptAsync("start");
        await ProxyServesEveryHostAsync();
    }

    /// <summary>
    /// Waits until the proxy sends requests to every host: after a restart it skips a host that refused a connection for
    /// <c>fail_timeout</c> (5 s), and a test of how requests spread must not start inside that window.
    /// </summary>
    public async Task ProxyServesEveryHostAsync()
    {
        using var client = new HttpClient { BaseAddress = Proxy };
        var seen = new HashSet<int>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (seen.Count < 3 && DateTime.UtcNow < deadline)
        {
            using var response = await client.GetAsync("/health/live");
            seen.Add(ServedBy(response));
            await Task.Delay(100);
        }
    }

    /// <summary>A new company through the proxy; the client (base address: the proxy) carries its Owner's token.</summary>
    public async Task<HttpClient> RegisterAsync(Uri? baseAddress = null)
    {
        var client = new HttpClient { BaseAddress = baseAddress ?? Proxy };
        var id = Guid.NewGuid().ToString("N");
        using var response = await client.PostAsJsonAsync("/api/v1/auth/register", new
        {
            companyName = "Cluster " + id[..8],
            name = "Ada",
            email = $"ada-{id}@cluster.test",
            password = "Correct-Horse-9",
        });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.GetProperty("accessToken").GetString());
        return client;
    }

    /// <summary>One step of a rolling restart: SIGTERM, wait for the drain (readiness fails) and the exit, start again, wait until ready.</summary>
    public Task RestartAsync(int host) => RunScriptAsync("restart", host.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private async Task RunScriptAsync(params string[] arguments)
    {
        var command = string.Join(' ', arguments);
        var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryRoot(), "scripts", "cluster.sh"), .. arguments])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        start.Environment["NOVAPULSE_CLUSTER_DIR"] = _folder;
        start.Environment["NOVAPULSE_CLUSTER_PORT"] = _proxyPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["NOVAPULSE_PG_PORT"] = _postgresPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["NOVAPULSE_REDIS_PORT"] = _redisPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["NOVAPULSE_CLUSTER_SETTINGS"] = _settings;
        // The solution was built in Release (test.sh, or the developer): publish that build instead of compiling again.
        if (File.Exists(Path.Combine(RepositoryRoot(), "src/WebApi/bin/Release/net10.0/NovaPulse.WebApi.dll")))
        {
            start.Environment["NOVAPULSE_CLUSTER_NO_BUILD"] = "1";
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"cluster.sh {command} failed ({process.ExitCode}):\n{await errors}\n{await output}");
        }
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "NovaPulse.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("NovaPulse.sln not found above " + AppContext.BaseDirectory);
    }
}
