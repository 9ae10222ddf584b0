using System.Net.Http.Json;
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
        ["/api/v1/uploads/{id}"] = UploadAsync,
        ["/api/v1/uploads/{id}/make-public"] = UploadAsync,
        ["/api/v1/uploads/{id}/make-private"] = UploadAsync,
        ["/api/v1/uploads/{id}/content"] = UploadAsync,
        ["/api/v1/uploads/{id}/complete"] = async a =>
        {
            var pending = await a.Owner.PostAsJsonAsync("/api/v1/uploads/signed-url", new { fileName = "pending.txt", contentType = "text/plain", size = 5 });
            return (await pending.ReadJsonAsync())["uploadId"]!.ToString();
        },
    };

    private static async Task<string> UploadAsync(Tenant a)
    {
        using var content = new MultipartFormDataContent { { new ByteArrayContent(Uploads.Text(Marker + " file")), "file", "secret-of-a.txt" } };
        var response = await a.Owner.PostAsync("/api/v1/uploads", content);
        return (await response.ReadJsonAsync())["id"]!.ToString();
    }

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
