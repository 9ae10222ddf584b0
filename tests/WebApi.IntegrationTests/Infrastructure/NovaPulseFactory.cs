using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using NovaPulse.Infrastructure.Persistence;

namespace NovaPulse.WebApi.IntegrationTests.Infrastructure;

/// <summary>
/// The real host on a real database (SQLite file or PostgreSQL), with its own data folder. Settings can be
/// overridden per factory, e.g. low rate limits for the throttling tests.
/// </summary>
public class NovaPulseFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "novapulse-tests", Guid.NewGuid().ToString("N"));
    private readonly bool _ownsDatabase = true;
    private string _connectionString = "";

    public NovaPulseFactory()
    {
    }

    /// <summary>A second host on the database (and data folder) of <paramref name="sameDatabaseAs"/>: a restart, or another instance.</summary>
    protected NovaPulseFactory(NovaPulseFactory sameDatabaseAs)
    {
        _dataDirectory = sameDatabaseAs._dataDirectory;
        _connectionString = sameDatabaseAs._connectionString;
        _ownsDatabase = false;
        // Instances on one database read one (synchronised) time: a clock of its own would lag or lead the other's by
        // however long the hosts took to start, and event positions and leases compare times across them.
        Clock = sameDatabaseAs.Clock;
    }

    /// <summary>Leave the database and data folder in place on dispose, for a host started on them afterwards (a restart).</summary>
    public bool KeepDatabaseOnDispose { get; set; }

    /// <summary>
    /// Starts at real time and ticks 1 ms per reading, so creation times are distinct and ordered; shared with the host
    /// this one was created on the database of.
    /// </summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1) };

    /// <summary>The host's database, for a separate process on it (<see cref="ProcessHost"/>, the <c>secrets:rotate</c> command).</summary>
    public string ConnectionString => _connectionString;

    /// <summary>The host's data folder (SQLite file, generated keys, LocalDisk uploads).</summary>
    public string DataDirectory => _dataDirectory;

    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>
    /// Real time instead of <see cref="Clock"/>, for tests of the HTTP resilience pipelines: Polly's timeouts and circuit
    /// breaks run on the host's TimeProvider and would otherwise only move when the fake clock does.
    /// </summary>
    protected virtual bool UsesSystemClock => false;

    public async Task InitializeAsync()
    {
        if (!_ownsDatabase)
        {
            return;
        }

        Directory.CreateDirectory(_dataDirectory);
        _connectionString = await TestDatabase.CreateAsync(_dataDirectory);
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (!_ownsDatabase || KeepDatabaseOnDispose)
        {
            return;
        }

        await TestDatabase.DropAsync(_connectionString);
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A SQLite file still held by a pooled connection; the temp folder is cleaned by the OS.
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        var settings = new Dictionary<string, string?>
        {
            ["DataDirectory"] = _dataDirectory,
            ["Database:Provider"] = TestDatabase.ProviderName,
            ["ConnectionStrings:Default"] = _connectionString,
            ["Jwt:SigningKey"] = "integration-tests-signing-key-0123456789abcdef",
            ["RateLimiting:AuthPermitsPerMinute"] = "100000",
            ["RateLimiting:PermitsPerMinute"] = "1000000",
            ["Serilog:MinimumLevel:Default"] = "Warning",
            // Hermetic: CLOUDINARY_* variables on the machine must not switch the tests to Cloudinary.
            ["Storage:Provider"] = "LocalDisk",
            // Webhook receivers in tests listen on loopback; workers poll often so deliveries show up fast.
            ["Webhooks:AllowPrivateTargets"] = "true",
            ["Webhooks:PollInterval"] = "00:00:00.050",
            ["Notifications:PollInterval"] = "00:00:00.050",
            // Receivers of finished tests are gone and their ports get reused: keep one test's refused
            // connections from opening the per-host breaker on the next test's receiver.
            ["Webhooks:CircuitBreakerMinimumThroughput"] = "100000",
            // Other modules' suites create more members and tasks than the Free plan allows; BillingLimitTests check the limits.
            ["Billing:Plans:0:Limits:Seats"] = "100000",
            ["Billing:Plans:0:Limits:Tasks"] = "100000000",
            ["Billing:Plans:0:Limits:WebhookEndpoints"] = "100000",
            ["Billing:Plans:0:Limits:Integrations"] = "100",
            ["Billing:Plans:0:Limits:EventStreamsPerPrincipal"] = "100000",
            // Google configured (so its endpoints answer rather than 503) but pointing nowhere; IntegrationsFactory has the fake.
            ["Google:ClientId"] = "tests.apps.googleusercontent.com",
            ["Google:ClientSecret"] = "unused",
            ["Google:RedirectUri"] = "http://localhost/api/v1/integrations/oauth/google/callback",
            ["Google:AuthorizationEndpoint"] = "http://127.0.0.1:9/o/oauth2/v2/auth",
            ["Google:TokenEndpoint"] = "http://127.0.0.1:9/token",
            ["Google:UserInfoEndpoint"] = "http://127.0.0.1:9/userinfo",
            ["Google:RevocationEndpoint"] = "http://127.0.0.1:9/revoke",
            // Event streams poll often and send heartbeats soon, so stream tests see both quickly.
            ["EventStream:PollInterval"] = "00:00:00.050",
            ["EventStream:HeartbeatInterval"] = "00:00:00.500",
            ["EventStream:RevalidateInterval"] = "00:00:00.200",
            // Disposing a host is its shutdown: no load balancer to drain from.
            ["Shutdown:DrainDelay"] = "00:00:00",
        };
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        // Host settings, not ConfigureAppConfiguration: Program reads the database settings while composing services,
        // before app-configuration callbacks of the factory would apply.
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton(UsesSystemClock ? TimeProvider.System : Clock);
        });
    }

    /// <summary>A scope on the host's services, for asserting on stored rows.</summary>
    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> action)
    {
        using var scope = Services.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
