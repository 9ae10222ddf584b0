using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NovaPulse.Application;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Domain.Common;
using NovaPulse.Domain.Companies;
using NovaPulse.Domain.Outbox;
using NovaPulse.Domain.Webhooks;
using NovaPulse.Infrastructure;
using NovaPulse.Infrastructure.Persistence;
using Npgsql;

// Webhook load driver: fan-out and signed deliveries to a loopback receiver, on SQLite or PostgreSQL.
//   dotnet run -c Release --project bench/NovaPulse.Benchmarks -- --provider postgres --events 5000 --endpoints 2
// Warm-up (--warmup events, default 25,000): until JIT tiering has settled, as in a server that has been running.
// Phase 1 (throughput): N outbox events committed at once; measures events fanned out/s and deliveries/s until drained.
// Phase 2 (latency): events committed at a steady rate; measures commit -> receiver latency p50/p99.
var options = Args.Parse(args);
var receiver = await Receiver.StartAsync();
var dataDirectory = Path.Combine(Path.GetTempPath(), "novapulse-bench", Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(dataDirectory);
var connectionString = await Databases.CreateAsync(options.Provider, dataDirectory);

var builder = Host.CreateApplicationBuilder();
builder.Logging.ClearProviders().AddConsole().SetMinimumLevel(LogLevel.Warning);
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["DataDirectory"] = dataDirectory,
    ["Database:Provider"] = options.Provider == "postgres" ? "PostgreSql" : "Sqlite",
    ["ConnectionStrings:Default"] = connectionString,
    ["Jwt:SigningKey"] = "benchmark-signing-key-0123456789abcdef0123456789",
    ["Secrets:EncryptionKey"] = Convert.ToBase64String(new byte[32]),
    ["Storage:SigningKey"] = "benchmark-upload-url-signing-key-0123456789abcdef",
    ["Webhooks:AllowPrivateTargets"] = "true",
    ["Webhooks:PollInterval"] = options.PollInterval,
    ["Webhooks:MaxConcurrency"] = options.Concurrency.ToString(CultureInfo.InvariantCulture),
    ["Webhooks:BatchSize"] = "200",
});
builder.Services.AddApplication().AddInfrastructure(builder.Configuration, builder.Environment);
builder.Services.AddScoped<ICurrentUser, NoUser>();
builder.Services.AddSingleton<IRequestContext, NoRequest>();
using var host = builder.Build();
await host.Services.InitialiseDatabaseAsync();

Guid companyId;
using (var scope = host.Services.CreateScope())
{
    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
    var protector = scope.ServiceProvider.GetRequiredService<ISecretProtector>();
    var company = Company.Create("Bench", DateTimeOffset.UtcNow);
    companyId = company.Id;
    db.Companies.Add(company);
    for (var i = 0; i < options.Endpoints; i++)
    {
        db.WebhookEndpoints.Add(WebhookEndpoint.Create(company.Id, receiver.Url, ["*"], null, true, protector.Protect("whsec_" + Convert.ToBase64String(new byte[32])), DateTimeOffset.UtcNow));
    }

    await db.SaveChangesAsync();
}

await host.StartAsync();
Console.WriteLine($"provider={options.Provider} events={options.Events} endpoints={options.Endpoints} concurrency={options.Concurrency} poll={options.PollInterval} cores={Environment.ProcessorCount}");

// Warm-up: a server runs warm; the first batches pay for JIT tiering, EF's model and query caches and connection pools.
var stopwatch = Stopwatch.StartNew();
await InsertEventsAsync(options.Warmup);
await receiver.WaitForAsync(options.Warmup * options.Endpoints);
Console.WriteLine($"warm-up: {options.Warmup} events x {options.Endpoints} endpoints delivered in {stopwatch.Elapsed.TotalSeconds:F2}s");
receiver.Reset();

// Phase 1: throughput, timed from the commit of N events (one transaction: the workers see them all at once).
var expected = options.Events * options.Endpoints;
stopwatch.Restart();
await InsertEventsAsync(options.Events);
var inserted = stopwatch.Elapsed;
stopwatch.Restart();
var fannedOut = await WaitAsync(async db => await db.OutboxMessages.IgnoreQueryFilters().CountAsync(m => m.ProcessedAt == null) == 0);
await receiver.WaitForAsync(expected);
var delivered = stopwatch.Elapsed;
Console.WriteLine($"throughput: committed {options.Events} events (insert took {inserted.TotalSeconds:F2}s); after the commit: fan-out done at " +
    $"{fannedOut.TotalSeconds:F2}s ({options.Events / fannedOut.TotalSeconds:F0} events/s), {expected} signed deliveries received at " +
    $"{delivered.TotalSeconds:F2}s ({expected / delivered.TotalSeconds:F0} deliveries/s end to end)");

// Phase 2: latency at a steady rate (well under capacity).
receiver.Reset();
var latencyEvents = options.Rate * options.Seconds;
var pace = Stopwatch.StartNew();
for (var tick = 0; tick < options.Seconds * 10; tick++)
{
    await InsertEventsAsync(options.Rate / 10);
    var due = TimeSpan.FromMilliseconds((tick + 1) * 100);
    if (pace.Elapsed < due)
    {
        await Task.Delay(due - pace.Elapsed);
    }
}

await receiver.WaitForAsync(latencyEvents * options.Endpoints);
var latencies = receiver.Latencies.Order().ToArray();
Console.WriteLine($"latency: {latencies.Length} deliveries at {options.Rate} events/s x {options.Endpoints} endpoints: " +
    $"p50={Percentile(0.50):F0} ms p99={Percentile(0.99):F0} ms max={latencies[^1]:F0} ms");

await host.StopAsync();
await receiver.DisposeAsync();
return;

double Percentile(double p) => latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(p * latencies.Length) - 1)];

async Task InsertEventsAsync(int count)
{
    using var scope = host.Services.CreateScope();
    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
    for (var i = 0; i < count; i++)
    {
        var sentAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        db.OutboxMessages.Add(OutboxMessage.Create(companyId, "task.updated", $$"""{"sentAt":{{sentAt}}}""", DateTimeOffset.UtcNow));
    }

    await db.SaveChangesAsync();
}

async Task<TimeSpan> WaitAsync(Func<AppDbContext, Task<bool>> done)
{
    while (true)
    {
        using (var scope = host.Services.CreateScope())
        {
            if (await done(scope.ServiceProvider.GetRequiredService<AppDbContext>()))
            {
                return stopwatch.Elapsed;
            }
        }

        await Task.Delay(20);
    }
}

internal sealed record Args(string Provider, int Events, int Endpoints, int Concurrency, string PollInterval, int Rate, int Seconds, int Warmup)
{
    public static Args Parse(string[] args)
    {
        string Get(string name, string fallback) => args.SkipWhile(a => a != "--" + name).Skip(1).FirstOrDefault() ?? fallback;
        int Int(string name, int fallback) => int.Parse(Get(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        return new Args(Get("provider", "sqlite"), Int("events", 2000), Int("endpoints", 2), Int("concurrency", 64), Get("poll", "00:00:00.100"), Int("rate", 200), Int("seconds", 10), Int("warmup", 25000));
    }
}

internal sealed class NoUser : ICurrentUser
{
    public bool IsAuthenticated => false;

    public Guid? UserId => null;

    public Guid? CompanyId => null;

    public Role? Role => null;

    public Guid? ApiKeyId => null;
}

internal sealed class NoRequest : IRequestContext
{
    public string? RequestId => null;

    public string? IpAddress => null;
}

/// <summary>Loopback Kestrel receiver: counts deliveries and the commit -> receipt latency carried in the payload.</summary>
internal sealed class Receiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private ConcurrentBag<double> _latencies = [];
    private int _count;

    private Receiver(WebApplication app) => _app = app;

    public string Url { get; private set; } = "";

    public IEnumerable<double> Latencies => _latencies;

    public static async Task<Receiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new Receiver(app);
        app.Run(receiver.HandleAsync);
        await app.StartAsync();
        receiver.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/hook";
        return receiver;
    }

    public void Reset()
    {
        _latencies = [];
        Interlocked.Exchange(ref _count, 0);
    }

    public async Task WaitForAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (Volatile.Read(ref _count) < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Only {_count} of {count} deliveries arrived.");
            }

            await Task.Delay(10);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        var sentAt = body.RootElement.GetProperty("data").GetProperty("sentAt").GetInt64();
        _latencies.Add(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - sentAt);
        Interlocked.Increment(ref _count);
        context.Response.StatusCode = 200;
    }
}

internal static class Databases
{
    public static async Task<string> CreateAsync(string provider, string dataDirectory)
    {
        if (provider != "postgres")
        {
            return $"Data Source={Path.Combine(dataDirectory, "bench.db")}";
        }

        var admin = Environment.GetEnvironmentVariable("NOVAPULSE_TEST_PG") is { Length: > 0 } configured
            ? configured
            : "Host=127.0.0.1;Port=25432;Username=postgres;Database=postgres";
        var name = "np_bench_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(admin) { Database = name, MaxPoolSize = 200 }.ConnectionString;
    }
}
