using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using NovaPulse.WebApi.IntegrationTests.Infrastructure;

namespace NovaPulse.WebApi.IntegrationTests;

/// <summary>
/// A bad configuration stops the host at start with a message that names the key: as an exception under the test
/// factory, and as the built host's process, one plain line per problem and exit code 1 (no stack trace, no abort).
/// </summary>
public sealed class StartupValidationTests
{
    [Theory]
    [InlineData("Database:Provider", "Oracle", "Database:Provider")]
    [InlineData("Jwt:SigningKey", "too-short", "Jwt:SigningKey")]
    [InlineData("Auth:MaxFailedLogins", "0", "MaxFailedLogins")]
    [InlineData("RateLimiting:PermitsPerMinute", "-5", "PermitsPerMinute")]
    [InlineData("Secrets:EncryptionKey", "not-a-256-bit-key", "Secrets:EncryptionKey")]
    [InlineData("Integrations:EncryptionKey", "too-short-for-aes", "Secrets:EncryptionKey")]
    [InlineData("Billing:Plans:1:Currency", "US Dollar", "Billing:Plans:1:Currency")]
    [InlineData("Billing:Plans:2:Interval", "monthly", "Billing:Plans:2:Interval")]
    [InlineData("Uploads:Thumbnails:MaxConcurrentDecodes", "0", "MaxConcurrentDecodes")]
    [InlineData("Billing:SuccessUrl", "/billing", "Billing:SuccessUrl")]
    [InlineData("Billing:AllowedReturnOrigins:0", "https://shop.example.test/checkout", "Billing:AllowedReturnOrigins:0")]
    [InlineData("Metrics:AllowedNetworks:0", "10.0.0.0/33", "Metrics:AllowedNetworks")]
    [InlineData("Metrics:BearerToken", "too-short", "Metrics:BearerToken")]
    [InlineData("Metrics:Port", "0", "Metrics:Port")]
    public async Task A_bad_value_stops_the_host_naming_the_key(string key, string value, string named)
    {
        await using var factory = new ConfiguredFactory(new() { [key] = value });
        await factory.InitializeAsync();

        var error = Record.Exception(() => factory.CreateClient());

        Assert.NotNull(error);
        Assert.Contains(named, Flatten(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_without_a_signing_key_refuses_to_start()
    {
        await using var factory = new ConfiguredFactory(new() { ["Jwt:SigningKey"] = "" }, "Production");
        await factory.InitializeAsync();

        var error = Record.Exception(() => factory.CreateClient());

        Assert.NotNull(error);
        Assert.Contains("Jwt:SigningKey", Flatten(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_without_an_encryption_key_refuses_to_start_with_a_clear_message()
    {
        await using var factory = new ConfiguredFactory(new() { ["Storage:SigningKey"] = new string('s', 40) }, "Production");
        await factory.InitializeAsync();

        var error = Record.Exception(() => factory.CreateClient());

        Assert.NotNull(error);
        Assert.Contains("Secrets:EncryptionKey is required in Production: set the environment variable Secrets__EncryptionKey (or INTEGRATION_ENCRYPTION_KEY)", Flatten(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_production_process_without_its_keys_prints_one_line_per_key_and_exits_with_1()
    {
        var result = await RunProductionHostAsync(new());

        AssertPlainFailure(result);
        Assert.Single(result.Errors, line => line.StartsWith("Jwt:SigningKey is required in Production: set the environment variable Jwt__SigningKey", StringComparison.Ordinal));
        Assert.Single(result.Errors, line => line.StartsWith("Storage:SigningKey is required in Production: set the environment variable Storage__SigningKey", StringComparison.Ordinal));
        Assert.Single(result.Errors, line => line.StartsWith("Secrets:EncryptionKey is required in Production: set the environment variable Secrets__EncryptionKey", StringComparison.Ordinal));
        Assert.Equal(3, result.Errors.Count);
    }

    [Theory]
    [InlineData("Auth:MaxFailedLogins", "0", "Auth:MaxFailedLogins", "Auth__MaxFailedLogins")]
    [InlineData("Storage:SigningKey", "too-short", "Storage:SigningKey", "Storage__SigningKey")]
    [InlineData("Database:Provider", "PostgreSql", "ConnectionStrings:Default", "ConnectionStrings__Default")]
    [InlineData("Database:Provider", "Oracle", "Database:Provider", "'Oracle'")]
    public async Task A_production_process_with_a_bad_value_prints_one_line_naming_the_key_and_exits_with_1(
        string key, string value, string named, string hint)
    {
        var result = await RunProductionHostAsync(new(ProductionKeys) { [key] = value });

        AssertPlainFailure(result);
        var line = Assert.Single(result.Errors);
        Assert.Contains(named, line, StringComparison.Ordinal);
        Assert.Contains(hint, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_production_process_that_cannot_reach_its_database_prints_one_line_naming_the_server_and_exits_with_1()
    {
        var port = LoopbackPort.Free();
        var result = await RunProductionHostAsync(new(ProductionKeys)
        {
            ["Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:Default"] = $"Host=127.0.0.1;Port={port};Database=novapulse;Username=novapulse;Password=hunter2-secret",
        });

        AssertPlainFailure(result);
        var line = Assert.Single(result.Errors);
        Assert.Contains($"The PostgreSql database 'novapulse' on tcp://127.0.0.1:{port} could not be opened", line, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings__Default", line, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-secret", result.Output + string.Join('\n', result.Errors), StringComparison.Ordinal);
    }

    /// <summary>Valid Production secrets, so a test can break one other setting.</summary>
    private static Dictionary<string, string> ProductionKeys => new()
    {
        ["Jwt:SigningKey"] = new string('j', 40),
        ["Storage:SigningKey"] = new string('s', 40),
        ["Secrets:EncryptionKey"] = Convert.ToBase64String(new byte[32]),
    };

    private static void AssertPlainFailure(HostExit result)
    {
        var everything = result.Output + "\n" + string.Join('\n', result.Errors);
        // 134 is SIGABRT: what an unhandled exception ends in on Linux, with a core dump.
        Assert.True(result.ExitCode == 1, $"exit code {result.ExitCode}:\n{everything}");
        Assert.NotEmpty(result.Errors);
        Assert.DoesNotContain("   at ", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", everything, StringComparison.Ordinal);
    }

    /// <summary>
    /// The built host (<c>dotnet NovaPulse.WebApi.dll</c>, as production runs it) in Production with only
    /// <paramref name="settings"/>: nothing inherited from this process's environment but what finds the runtime.
    /// </summary>
    private static async Task<HostExit> RunProductionHostAsync(Dictionary<string, string> settings)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("novapulse-startup-").FullName;
        var start = new ProcessStartInfo("dotnet", $"\"{Path.Combine(AppContext.BaseDirectory, "NovaPulse.WebApi.dll")}\"")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var name in start.Environment.Keys.Where(name => name is not ("PATH" or "HOME" or "TMPDIR") && !name.StartsWith("DOTNET_ROOT", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        // If a regression lets it start, it listens on a free port rather than failing on a taken one.
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["DataDirectory"] = dataDirectory;
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        try
        {
            using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the host.");
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"The host did not stop within 30 s:\n{await output}\n{await errors}");
            }

            var errorLines = (await errors).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return new HostExit(process.ExitCode, await output, errorLines);
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private sealed record HostExit(int ExitCode, string Output, IReadOnlyList<string> Errors);

    private static string Flatten(Exception e) => e.InnerException is null ? e.Message : e.Message + " | " + Flatten(e.InnerException);

    private sealed class ConfiguredFactory(Dictionary<string, string?> settings, string? environment = null) : NovaPulseFactory
    {
        protected override IDictionary<string, string?> Settings => settings;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            if (environment is not null)
            {
                builder.UseEnvironment(environment);
            }
        }
    }
}
