using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using NovaPulse.Sdk.Generated;

namespace NovaPulse.Sdk.Tests;

/// <summary>The real NovaPulse host on Kestrel (127.0.0.1, random port) over its own SQLite file.</summary>
public sealed class ApiHost : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "novapulse-sdk-tests", Guid.NewGuid().ToString("N"));

    public const string Password = "Correct-Horse-9";

    public Uri BaseUrl { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_dataDirectory);
        UseKestrel(0);
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUrl = new Uri($"http://127.0.0.1:{new Uri(address).Port}/");
        return Task.CompletedTask;
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
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
        builder.UseSetting("DataDirectory", _dataDirectory);
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Default", $"Data Source={Path.Combine(_dataDirectory, "novapulse.db")}");
        builder.UseSetting("Jwt:SigningKey", "sdk-tests-signing-key-0123456789abcdef-0123456789");
        builder.UseSetting("RateLimiting:AuthPermitsPerMinute", "100000");
        builder.UseSetting("RateLimiting:PermitsPerMinute", "1000000");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Shutdown:DrainDelay", "00:00:00");
        builder.UseSetting("Storage:Provider", "LocalDisk");
        // Webhook endpoints on loopback (the CLI's listen receivers); streams poll often so events arrive quickly.
        builder.UseSetting("Webhooks:AllowPrivateTargets", "true");
        builder.UseSetting("EventStream:PollInterval", "00:00:00.100");
    }

    public NovaPulseClient Client(string? apiKey = null, string? accessToken = null, HttpMessageHandler? primary = null) =>
        NovaPulseClient.Init(new NovaPulseOptions
        {
            BaseUrl = BaseUrl,
            ApiKey = apiKey,
            AccessToken = accessToken,
            Timeout = TimeSpan.FromSeconds(30),
            RetryBaseDelay = TimeSpan.FromMilliseconds(50),
            PrimaryHandler = primary,
        });

    /// <summary>Registers a new company through the SDK; returns the Owner's registration.</summary>
    public async Task<AuthResponse> RegisterAsync()
    {
        using var anonymous = Client();
        return await anonymous.Auth.RegisterAsync(new RegisterCommand
        {
            CompanyName = "Sdk " + Guid.NewGuid().ToString("N")[..6],
            Name = "Owner",
            Email = $"owner-{Guid.NewGuid():N}@example.test",
            Password = Password,
        });
    }

    /// <summary>A new company and an API key of that role in it.</summary>
    public async Task<string> ApiKeyAsync(Role role = Role.Admin)
    {
        var owner = await RegisterAsync();
        using var client = Client(accessToken: owner.AccessToken);
        var created = await client.ApiKeys.CreateAsync(new CreateApiKeyCommand { Name = "sdk-tests", Role = role });
        return created.Key!;
    }
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiHost>
{
    public const string Name = "api";
}
