using System.Net;
using NovaPulse.WebApi.IntegrationTests.Infrastructure;

namespace NovaPulse.WebApi.IntegrationTests;

[Collection(ApiCollection.Name)]
public sealed class ObservabilityTests(NovaPulseFactory factory)
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/health")]
    public async Task Health_endpoints_report_healthy(string path)
    {
        var response = await factory.Anonymous().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", (await response.ReadJsonAsync())["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Readiness_checks_the_database()
    {
        var ready = await (await factory.Anonymous().GetAsync("/health/ready")).ReadJsonAsync();

        Assert.Equal("Healthy", ready["checks"]!["database"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_safe_request_id_is_echoed_and_an_unsafe_one_replaced()
    {
        var client = factory.Anonymous();
        var safe = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        safe.Headers.Add("X-Request-Id", "abc-123");
        var unsafeRequest = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        unsafeRequest.Headers.TryAddWithoutValidation("X-Request-Id", "bad id with spaces and <script>");

        var echoed = await client.SendAsync(safe);
        var replaced = await client.SendAsync(unsafeRequest);

        Assert.Equal("abc-123", echoed.Headers.GetValues("X-Request-Id").Single());
        Assert.Matches("^[0-9a-f]{32}$", replaced.Headers.GetValues("X-Request-Id").Single());
    }

    [Fact]
    public async Task Problems_carry_the_request_id()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/tasks");
        request.Headers.Add("X-Request-Id", "trace-me-1");

        var problem = await (await factory.Anonymous().SendAsync(request)).AssertProblemAsync(HttpStatusCode.Unauthorized);

        Assert.Equal("trace-me-1", problem["requestId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Responses_carry_security_headers_and_supported_versions()
    {
        var tenant = await factory.RegisterAsync();

        var response = await tenant.Owner.GetAsync("/api/v1/tasks");

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("1", response.Headers.GetValues("api-supported-versions").Single());
    }
}
