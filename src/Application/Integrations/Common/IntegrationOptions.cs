namespace NovaPulse.Application.Integrations.Common;

/// <summary>Section <c>Integrations</c> (plus the root <c>FrontendUrl</c>, the seed's FRONTEND_URL).</summary>
public sealed class IntegrationOptions
{
    public const string SectionName = "Integrations";

    /// <summary>Accept plain-http Slack webhook URLs (local fakes). On in Development only; elsewhere they answer 422.</summary>
    public bool AllowHttpSlackUrls { get; set; }

    /// <summary>Wall-clock limit for one SMTP or Slack send, Slack's retries included.</summary>
    public int TimeoutSeconds { get; set; } = 15;

    /// <summary>Extra attempts after a Slack 5xx, with exponential backoff from <see cref="SlackRetryDelay"/>.</summary>
    public int SlackRetries { get; set; } = 3;

    public TimeSpan SlackRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Per Slack host: calls within 30 s before the breaker may open (at a 50% failure ratio).</summary>
    public int CircuitBreakerMinimumThroughput { get; set; } = 10;

    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Where the browser lands after the Google consent screen (<c>{FrontendUrl}/settings/integrations?connected=google</c>).</summary>
    public string FrontendUrl { get; set; } = "http://localhost:3100";
}
