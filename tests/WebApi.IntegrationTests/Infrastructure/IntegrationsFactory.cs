namespace NovaPulse.WebApi.IntegrationTests.Infrastructure;

/// <summary>
/// A host wired to local providers: a real SMTP server (aiosmtpd), Slack and Google fakes (WireMock.Net). Plain-http Slack
/// URLs are allowed here (the fake has no TLS); retries are fast so reliability tests stay quick.
/// </summary>
public class IntegrationsFactory : NovaPulseFactory, IAsyncLifetime
{
    public SmtpTestServer Smtp { get; private set; } = null!;

    public FakeSlack Slack { get; } = new();

    public FakeGoogle Google { get; } = new();

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = new Dictionary<string, string?>(Google.Settings)
            {
                ["Integrations:AllowHttpSlackUrls"] = "true",
                ["Integrations:TimeoutSeconds"] = "3",
                ["Integrations:SlackRetries"] = "2",
                ["Integrations:SlackRetryDelay"] = "00:00:00.020",
                ["Integrations:CircuitBreakerMinimumThroughput"] = "100000",
                ["FrontendUrl"] = "https://app.novapulse.test",
            };
            foreach (var (key, value) in ExtraSettings)
            {
                settings[key] = value;
            }

            return settings;
        }
    }

    protected virtual IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    public new async Task InitializeAsync()
    {
        Smtp = await SmtpTestServer.StartAsync();
        await base.InitializeAsync();
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
        Slack.Dispose();
        Google.Dispose();
    }
}

/// <summary>Integration test classes share one <see cref="IntegrationsFactory"/> host and its fakes.</summary>
[CollectionDefinition(Name)]
public sealed class IntegrationsCollection : ICollectionFixture<IntegrationsFactory>
{
    public const string Name = "integrations";
}
