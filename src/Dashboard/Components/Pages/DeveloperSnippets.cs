namespace NovaPulse.Dashboard.Components.Pages;

/// <summary>The developer page's code samples (kept in step with docs/SDK.md, docs/CLI.md and docs/WEBHOOKS.md).</summary>
public static class DeveloperSnippets
{
    public const string CSharp = """
        // dotnet add package NovaPulse.Sdk
        using var client = NovaPulseClient.Init(new NovaPulseOptions
        {
            BaseUrl = new Uri("{BASE}"),
            ApiKey = "np_...",                  // or AccessToken = "<JWT>"
        });

        var task = await client.CreateTaskAsync(new CreateTaskCommand { Title = "Ship", Priority = TaskPriority.High });
        """;

    public const string TypeScript = """
        // clients/typescript: generated from /openapi/v1.json
        import { TasksClient, CreateTaskCommand, TaskPriority, authorizedFetch } from "./src/index.js";

        const tasks = new TasksClient("{BASE}", authorizedFetch("np_..."));
        const task = await tasks.create(new CreateTaskCommand({ title: "Ship", priority: TaskPriority.High }));
        """;

    public const string Cli = """
        dotnet pack src/Cli -c Release -o artifacts/packages
        dotnet tool install --global --add-source artifacts/packages NovaPulse.Cli

        novapulse init --api-url {BASE}
        novapulse login --api-key np_...
        novapulse whoami
        novapulse task:create --title "Write the launch post" --priority high --tag marketing
        novapulse task:list --status todo --json
        """;

    public const string VerifyWebhook = """
        // Standard Webhooks v1: verify the raw body, exactly as received.
        static bool Verify(string secret, string id, string timestamp, string signatureHeader, string rawBody)
        {
            if (Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - long.Parse(timestamp)) > 300) return false;
            var key = Convert.FromBase64String(secret["whsec_".Length..]);
            var expected = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{rawBody}"));
            return signatureHeader.Split(' ').Select(s => s.Split(',', 2))
                .Any(p => p is ["v1", var sig] && CryptographicOperations.FixedTimeEquals(Convert.FromBase64String(sig), expected));
        }
        // With the SDK: WebhookVerifier.Verify(headers, rawBody, "whsec_...");
        // Node: new Webhook(secret).verify(rawBody, headers) from the standardwebhooks package.
        """;
}
