using System.Net;
using System.Text;
using NovaPulse.WebApi.IntegrationTests.Infrastructure;

namespace NovaPulse.WebApi.IntegrationTests;

/// <summary>Whatever a client sends, the answer is a clean 4xx ProblemDetails, never a 500 or a stack trace.</summary>
[Collection(ApiCollection.Name)]
public sealed class HttpErrorTests(NovaPulseFactory factory)
{
    [Theory]
    [InlineData("{\"title\": ")]
    [InlineData("not json at all")]
    [InlineData("[1,2,3]")]
    [InlineData("")]
    public async Task Malformed_json_is_400(string body)
    {
        var tenant = await factory.RegisterAsync();

        var response = await tenant.Owner.PostAsync("/api/v1/tasks", new StringContent(body, Encoding.UTF8, "application/json"));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_wrong_content_type_is_415()
    {
        var tenant = await factory.RegisterAsync();

        var response = await tenant.Owner.PostAsync("/api/v1/tasks", new StringContent("title=x", Encoding.UTF8, "application/x-www-form-urlencoded"));

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task An_oversize_body_is_413()
    {
        var tenant = await factory.RegisterAsync();
        var huge = "{\"title\":\"" + new string('x', 2 * 1024 * 1024) + "\"}";

        var response = await tenant.Owner.PostAsync("/api/v1/tasks", new StringContent(huge, Encoding.UTF8, "application/json"));

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Theory]
    [InlineData("/api/v1/tasks/not-a-guid")]
    [InlineData("/api/v1/nothing-here")]
    public async Task Unknown_routes_are_404_problems(string path)
    {
        var tenant = await factory.RegisterAsync();

        var response = await tenant.Owner.GetAsync(path);

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_unsupported_api_version_is_a_client_error()
    {
        var tenant = await factory.RegisterAsync();

        var response = await tenant.Owner.GetAsync("/api/v2/tasks");

        Assert.InRange((int)response.StatusCode, 400, 499);
    }
}
