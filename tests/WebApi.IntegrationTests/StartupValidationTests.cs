using Microsoft.AspNetCore.Hosting;
using NovaPulse.WebApi.IntegrationTests.Infrastructure;

namespace NovaPulse.WebApi.IntegrationTests;

/// <summary>A bad configuration stops the host at start with a message that names the key.</summary>
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
        Assert.Contains("No encryption key for stored secrets: set Secrets:EncryptionKey (or INTEGRATION_ENCRYPTION_KEY)", Flatten(error), StringComparison.Ordinal);
    }

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
