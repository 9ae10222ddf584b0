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
        ["/api/v1/webhooks/{id}"] = WebhookAsync,
        ["/api/v1/webhooks/{id}/test"] = WebhookAsync,
        ["/api/v1/webhooks/{id}/logs"] = WebhookAsync,
        ["/api/v1/webhooks/{id}/recover"] = WebhookAsync,
        ["/api/v1/webhooks/{id}/rotate-secret"] = WebhookAsync,
        ["/api/v1/integrations/{id}"] = IntegrationAsync,
        ["/api/v1/integrations/{id}/notifications"] = IntegrationAsync,
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

    /// <summary>Operations addressing two resources: each parameter's value.</summary>
    private static readonly Dictionary<string, Func<Tenant, Task<Dictionary<string, string>>>> MultiSeeds = new()
    {
        ["/api/v1/webhooks/{id}/deliveries/{deliveryId}/replay"] = async a =>
        {
            var id = await WebhookAsync(a);
            var test = await (await a.Owner.PostAsync($"/api/v1/webhooks/{id}/test", null)).ReadJsonAsync();
            return new() { ["id"] = id, ["deliveryId"] = test["deliveryId"]!.ToString() };
        },
    };

    private static async Task<string> WebhookAsync(Tenant a)
    {
        var response = await a.Owner.PostAsJsonAsync("/api/v1/webhooks", new { url = "http://127.0.0.1:9/hook", events = new[] { "*" }, description = Marker });
        return (await response.ReadJsonAsync())["id"]!.ToString();
    }

    private static async Task<string> IntegrationAsync(Tenant a)
    {
        var response = await a.Owner.PutAsJsonAsync("/api/v1/integrations/email", new
        {
            host = "smtp.example.test",
            port = 587,
            username = "mailer",
            password = Marker,
            fromAddress = "alerts@example.test",
            fromName = Marker,
            security = "starttls",
        });
        return (await response.ReadJsonAsync())["id"]!.ToString();
    }

    private static async Task<string> UploadAsync(Tenant a)
    {
        using var content = new MultipartFormDataContent { { new ByteArrayContent(Uploads.Text(Marker + " file")), "file", "secret-of-a.txt" } };
        var response = await a.Owner.PostAsync("/api/v1/uploads", content);
        return (await response.ReadJsonAsync())["id"]!.ToString();
    }

    public static bool Has(string pathTemplate) => Seeds.ContainsKey(pathTemplate) || MultiSeeds.ContainsKey(pathTemplate);

    /// <summary>Creates the resource as <paramref name="owner"/> and returns the path with its id filled in.</summary>
    public static async Task<string> PathFor(ApiOperation operation, Tenant owner)
    {
        var values = MultiSeeds.TryGetValue(operation.Path, out var multi)
            ? await multi(owner)
            : operation.PathParameters.ToDictionary(p => p.Name, _ => "", StringComparer.Ordinal);
        if (multi is null)
        {
            var id = await Seeds[operation.Path](owner);
            foreach (var name in values.Keys.ToList())
            {
                values[name] = id;
            }
        }

        var path = operation.Path;
        foreach (var (name, value) in values)
        {
            path = path.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }

        return path;
    }
}
