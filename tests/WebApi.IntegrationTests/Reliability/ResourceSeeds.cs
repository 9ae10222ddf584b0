using NovaPulse.WebApi.IntegrationTests.Infrastructure;

namespace NovaPulse.WebApi.IntegrationTests.Reliability;

/// <summary>
/// How to create, as company A, the resource an id-taking operation addresses. The suites discover operations
/// from the OpenAPI document; a new path template without a seed here fails them, so every module adds its seed.
/// </summary>
public static class ResourceSeeds
{
    /// <summary>Text planted in A's data; it must never appear in another company's responses.</summary>
    public const string Marker = "SECRET-OF-A";

    private static readonly Dictionary<string, Func<Tenant, Task<string>>> Seeds = new()
    {
        ["/api/v1/tasks/{id}"] = async a => (await a.Owner.CreateTaskAsync(new { title = Marker + " task", description = Marker }))["id"]!.ToString(),
        ["/api/v1/members/{id}"] = async a => (await a.AddMemberAsync("member")).Id.ToString(),
        ["/api/v1/api-keys/{id}"] = async a => (await a.AddApiKeyAsync()).Id.ToString(),
    };

    public static bool Has(string pathTemplate) => Seeds.ContainsKey(pathTemplate);

    /// <summary>Creates the resource as <paramref name="owner"/> and returns the path with its id filled in.</summary>
    public static async Task<string> PathFor(ApiOperation operation, Tenant owner)
    {
        var id = await Seeds[operation.Path](owner);
        var path = operation.Path;
        foreach (var parameter in operation.PathParameters)
        {
            path = path.Replace("{" + parameter.Name + "}", id, StringComparison.Ordinal);
        }

        return path;
    }
}
