using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NovaPulse.WebApi.IntegrationTests.Infrastructure;

/// <summary>Signs companies up and calls the API as one of their people, the way a client would (JSON over HTTP).</summary>
public static class ApiClient
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<Tenant> RegisterAsync(this NovaPulseFactory factory, string? company = null)
    {
        var client = factory.CreateClient();
        var email = $"owner-{Guid.NewGuid():N}@example.test";
        var response = await client.PostAsJsonAsync("/api/v1/auth/register", new
        {
            companyName = company ?? "Company " + Guid.NewGuid().ToString("N")[..6],
            name = "Owner",
            email,
            password = Tenant.Password,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.ReadJsonAsync();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body["accessToken"]!.GetValue<string>());
        return new Tenant(
            factory,
            client,
            Guid.Parse(body["company"]!["id"]!.GetValue<string>()),
            Guid.Parse(body["user"]!["id"]!.GetValue<string>()),
            email,
            body["refreshToken"]!.GetValue<string>());
    }

    public static async Task<JsonNode> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(text) ?? throw new InvalidOperationException("Empty JSON body");
    }

    public static HttpClient Anonymous(this NovaPulseFactory factory) => factory.CreateClient();

    public static HttpClient WithBearer(this NovaPulseFactory factory, string token)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<JsonNode> CreateTaskAsync(this HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/v1/tasks", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    /// <summary>Asserts an RFC 7807 answer with the given status and returns its body.</summary>
    public static async Task<JsonNode> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!;
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(problem["title"]?.GetValue<string>()));
        Assert.NotNull(problem["traceId"]);
        var code = problem["code"]?.GetValue<string>();
        Assert.True(!string.IsNullOrEmpty(code), $"Every ProblemDetails carries a code: {text}");
        Assert.True(DocumentedErrorCodes.Contains(code), $"docs/ERRORS.md does not list the code '{code}' ({(int)status}).");
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        return problem;
    }
}
