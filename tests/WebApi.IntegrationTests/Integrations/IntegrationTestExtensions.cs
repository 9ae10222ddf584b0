using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NovaPulse.WebApi.IntegrationTests.Infrastructure;

namespace NovaPulse.WebApi.IntegrationTests.Integrations;

/// <summary>Configuring integrations the way the settings page does.</summary>
public static class IntegrationTestExtensions
{
    public static async Task<JsonNode> ConfigureEmailAsync(this HttpClient client, SmtpTestServer smtp, string? password = SmtpTestServer.Password, string? fromName = "NovaPulse Alerts", string? username = SmtpTestServer.Username, string security = "none", string host = "127.0.0.1", int? port = null)
    {
        var response = await client.PutAsJsonAsync("/api/v1/integrations/email", new
        {
            host,
            port = port ?? smtp.Port,
            username,
            password,
            fromAddress = "alerts@novapulse.test",
            fromName,
            security,
        });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    public static async Task<JsonNode> ConfigureSlackAsync(this HttpClient client, string webhookUrl, string? channel = "#alerts")
    {
        var response = await client.PutAsJsonAsync("/api/v1/integrations/slack", new { webhookUrl, channel });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    public static async Task<JsonNode> PostJsonAsync(this HttpClient client, string path, object? body = null)
    {
        var response = body is null ? await client.PostAsync(path, null) : await client.PostAsJsonAsync(path, body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    public static async Task<JsonNode?> IntegrationAsync(this HttpClient client, string type)
    {
        var list = (await client.GetFromJsonAsync<JsonArray>("/api/v1/integrations"))!;
        return list.FirstOrDefault(i => i!["type"]!.GetValue<string>() == type);
    }

    /// <summary>Polls until <paramref name="condition"/> holds (workers run in the background).</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting for {what}.");
            }

            await Task.Delay(50);
        }
    }
}
