using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NovaPulse.WebApi.IntegrationTests.Infrastructure;

namespace NovaPulse.WebApi.IntegrationTests.Scale;

/// <summary>
/// What a rolling restart relies on: migrations applied once by the <c>migrate</c> command rather than raced by N hosts,
/// hosts that refuse a database this build cannot use, and <c>/health/ready</c> failing from the moment a host is asked
/// to stop while it still answers the requests the load balancer sends before noticing.
/// </summary>
public sealed class RollingRestartTests
{
    [Fact]
    public async Task Hosts_that_do_not_migrate_refuse_an_unmigrated_database_until_the_migrate_command_ran()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "novapulse-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        var connectionString = await TestDatabase.CreateAsync(dataDirectory);
        var noMigration = new Dictionary<string, string> { ["Database__MigrateOnStartup"] = "false" };

        var refused = await RunAsync(dataDirectory, connectionString, noMigration);
        var migrated = await RunAsync(dataDirectory, connectionString, noMigration, "migrate");
        var again = await RunAsync(dataDirectory, connectionString, noMigration, "migrate");
        await using var host = new ProcessHost(dataDirectory, connectionString, new Dictionary<string, string> { ["Database:MigrateOnStartup"] = "false" });
        await host.StartAsync();

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("Database:MigrateOnStartup is false: run `dotnet NovaPulse.WebApi.dll migrate` once", refused.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", refused.Error, StringComparison.Ordinal);
        Assert.True(migrated.ExitCode == 0, migrated.Error);
        Assert.Contains("migrate: the database is up to date.", migrated.Output, StringComparison.Ordinal);
        Assert.Equal(0, again.ExitCode);
        Assert.Equal(HttpStatusCode.OK, (await host.CreateClient().GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task Once_the_host_is_asked_to_stop_readiness_fails_while_requests_are_still_answered()
    {
        await using var factory = new DrainingHost();
        await factory.InitializeAsync();
        var owner = (await factory.RegisterAsync()).Owner;
        var client = factory.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

        factory.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
        var ready = await client.GetAsync("/health/ready");
        var live = await client.GetAsync("/health/live");
        var work = await owner.GetAsync("/api/v1/tasks");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var report = await ready.ReadJsonAsync();
        Assert.Equal("Unhealthy", report["checks"]!["shutdown"]!["status"]!.GetValue<string>());
        Assert.Equal("Healthy", report["checks"]!["database"]!["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, work.StatusCode);
    }

    /// <summary>The built host as an operator runs it, to its exit.</summary>
    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(
        string dataDirectory, string connectionString, Dictionary<string, string> settings, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "NovaPulse.WebApi.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{LoopbackPort.Free()}";
        start.Environment["DataDirectory"] = dataDirectory;
        start.Environment["Database__Provider"] = TestDatabase.ProviderName;
        start.Environment["ConnectionStrings__Default"] = connectionString;
        start.Environment["Jwt__SigningKey"] = "integration-tests-signing-key-0123456789abcdef";
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The host did not exit within 60 s (it started instead of refusing?).");
        }

        return (process.ExitCode, await output, await error);
    }

    /// <summary>A host that keeps serving for 10 s after it is asked to stop (a load balancer's grace to notice).</summary>
    private sealed class DrainingHost : NovaPulseFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Shutdown:DrainDelay"] = "00:00:10" };
    }
}
