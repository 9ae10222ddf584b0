using System.Net;
using NovaPulse.WebApi.IntegrationTests.Infrastructure;

namespace NovaPulse.WebApi.IntegrationTests.Integrations;

/// <summary>Without a Google client the Google endpoints answer 409 <c>google_not_configured</c>, not an outage's 503.</summary>
public sealed class GoogleUnconfiguredTests
{
    [Fact]
    public async Task Without_a_google_client_connecting_google_answers_409_google_not_configured()
    {
        await using var factory = new UnconfiguredGoogleFactory();
        await factory.InitializeAsync();
        var tenant = await factory.RegisterAsync();
        using var browser = factory.CreateClient(new() { AllowAutoRedirect = false });

        var start = await tenant.Owner.GetAsync("/api/v1/integrations/oauth/google/start");
        var callback = await browser.GetAsync("/api/v1/integrations/oauth/google/callback?code=c&state=s");

        var problem = await start.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("google_not_configured", problem["code"]!.GetValue<string>());
        Assert.Contains("Google:ClientId", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(start.Headers.Contains("Retry-After"));
        Assert.Equal("google_not_configured", (await callback.AssertProblemAsync(HttpStatusCode.Conflict))["code"]!.GetValue<string>());
    }

    private sealed class UnconfiguredGoogleFactory : NovaPulseFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Google:ClientId"] = "" };
    }
}
