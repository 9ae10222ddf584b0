using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NovaPulse.WebApi.IntegrationTests.Infrastructure;
using Serilog.Core;
using Serilog.Events;
using Xunit.Abstractions;

namespace NovaPulse.WebApi.IntegrationTests.Reliability;

/// <summary>A host logging everything (Debug) into memory, so its logs can be searched for secrets.</summary>
public sealed class VerboseLoggingFactory : NovaPulseFactory
{
    public CapturingSink Logs { get; } = new();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Serilog:MinimumLevel:Default"] = "Debug",
        ["Serilog:MinimumLevel:Override:Microsoft.AspNetCore"] = "Debug",
        ["Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore"] = "Debug",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // Program reads sinks from the container (ReadFrom.Services), so this one sees every event.
        builder.ConfigureServices(services => services.AddSingleton<ILogEventSink>(Logs));
    }
}

/// <summary>Keeps every log event rendered with its properties and exception.</summary>
public sealed class CapturingSink : ILogEventSink
{
    private readonly StringBuilder _text = new();

    public string Text
    {
        get
        {
            lock (_text)
            {
                return _text.ToString();
            }
        }
    }

    public void Emit(LogEvent logEvent)
    {
        var line = new StringWriter();
        logEvent.RenderMessage(line);
        foreach (var (name, value) in logEvent.Properties)
        {
            line.Write($" {name}={value}");
        }

        line.WriteLine(logEvent.Exception);
        lock (_text)
        {
            _text.Append(line);
        }
    }
}

/// <summary>Secrets are hashed or encrypted at rest and never logged: neither the database file nor the log holds one in plain text.</summary>
public sealed class SecretScanTests(ITestOutputHelper output)
{
    [Fact]
    public async Task No_secret_is_stored_or_logged_in_plain_text()
    {
        var secrets = new List<(string Kind, string Value)>();
        var factory = new VerboseLoggingFactory();
        await factory.InitializeAsync();
        List<(string Path, string Text)> scanned;
        try
        {
            var tenant = await factory.RegisterAsync();
            secrets.Add(("password", Tenant.Password));
            secrets.Add(("refresh token", tenant.RefreshToken));
            var refreshed = await (await factory.Anonymous().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = tenant.RefreshToken })).ReadJsonAsync();
            secrets.Add(("rotated refresh token", refreshed["refreshToken"]!.GetValue<string>()));
            var (keyClient, key, _) = await tenant.AddApiKeyAsync("admin");
            secrets.Add(("API key", key));
            Assert.Equal(HttpStatusCode.OK, (await keyClient.GetAsync("/api/v1/auth/me")).StatusCode);
            var invitation = await (await tenant.Owner.PostAsJsonAsync("/api/v1/members/invitations", new { email = $"i-{Guid.NewGuid():N}@example.test", role = "member" })).ReadJsonAsync();
            secrets.Add(("invitation token", invitation["token"]!.GetValue<string>()));
            await factory.Anonymous().PostAsJsonAsync($"/api/v1/invitations/{invitation["token"]}/accept", new { name = "New", password = "another-Secret-77" });
            secrets.Add(("invitee password", "another-Secret-77"));
            await factory.Anonymous().PostAsJsonAsync("/api/v1/auth/login", new { email = tenant.OwnerEmail, password = "typo-Secret-55" });
            secrets.Add(("mistyped password", "typo-Secret-55"));

            const string SmtpPassword = "smtp-Scan-Canary-Pass-81";
            const string SlackUrl = "https://hooks.slack.example/services/T0SCAN/B0SCAN/SlackScanCanaryToken77";
            var email = await tenant.Owner.PutAsJsonAsync("/api/v1/integrations/email", new
            {
                host = "127.0.0.1",
                port = 9,
                username = "mailer",
                password = SmtpPassword,
                fromAddress = "alerts@example.test",
                security = "none",
            });
            Assert.Equal(HttpStatusCode.OK, email.StatusCode);
            secrets.Add(("SMTP password", SmtpPassword));
            // The test send fails (nothing listens on port 9): the failure is logged and stored, the password is not.
            await tenant.Owner.PostAsJsonAsync("/api/v1/integrations/email/test", new { to = "ops@example.test" });
            Assert.Equal(HttpStatusCode.OK, (await tenant.Owner.PutAsJsonAsync("/api/v1/integrations/slack", new { webhookUrl = SlackUrl })).StatusCode);
            secrets.Add(("Slack webhook URL", SlackUrl));
            secrets.Add(("Slack webhook token", "SlackScanCanaryToken77"));
            await tenant.Owner.PostAsync("/api/v1/integrations/slack/test", null);

            var dataDirectory = factory.Services.GetRequiredService<IConfiguration>()["DataDirectory"]!;
            scanned = [.. Directory.GetFiles(dataDirectory, "novapulse.db*").Select(path => (path, ReadShared(path))), ("log", factory.Logs.Text)];
            if (!TestDatabase.IsPostgres)
            {
                Assert.Contains(scanned, f => Path.GetFileName(f.Path) == "novapulse.db" && f.Text.Length > 0);
            }
        }
        finally
        {
            await factory.DisposeAsync();
        }

        var leaks = (from file in scanned
                     from secret in secrets
                     where file.Text.Contains(secret.Value, StringComparison.Ordinal)
                     select $"{secret.Kind} found in {Path.GetFileName(file.Path)}: …{Around(file.Text, secret.Value)}…").ToList();

        output.WriteLine($"secrets: {secrets.Count} secrets x {scanned.Count} files ({scanned.Sum(f => f.Text.Length)} bytes), {leaks.Count} leaks");
        Assert.Contains(scanned, f => f.Path == "log" && f.Text.Contains("/invitations/[redacted]/accept", StringComparison.Ordinal));
        Assert.True(leaks.Count == 0, string.Join('\n', leaks));
    }

    private static string Around(string text, string value)
    {
        var at = text.IndexOf(value, StringComparison.Ordinal);
        var start = Math.Max(0, at - 120);
        return text[start..Math.Min(text.Length, at + value.Length + 40)].Replace(value, "<SECRET>", StringComparison.Ordinal);
    }

    /// <summary>Reads a file the host still has open (SQLite database, WAL, log).</summary>
    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return Encoding.UTF8.GetString(memory.ToArray());
    }
}
