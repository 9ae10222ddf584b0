using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NovaPulse.WebApi.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace NovaPulse.WebApi.IntegrationTests.Reliability;

/// <summary>
/// PostgreSQL stops under a running host and starts again: while it is down, clients get 503 ProblemDetails with
/// Retry-After and readiness reports it; afterwards requests and workers resume by themselves and nothing is lost.
/// The cluster is the test's own, so the rest of the suite keeps its database (this runs in the SQLite pass too).
/// </summary>
public sealed class DatabaseOutageTests(ITestOutputHelper output)
{
    private static readonly TimeSpan RecoveryDeadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Requests_fail_cleanly_while_the_database_is_down_and_work_resumes_after()
    {
        await using var database = await ThrowawayPostgres.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var host = new OutageHost(database.ConnectionString);
        await host.InitializeAsync();
        try
        {
            var tenant = await host.RegisterAsync();
            await tenant.Owner.CreateWebhookAsync(receiver.Url, "task.created");
            var before = (await tenant.Owner.CreateTaskAsync(new { title = "before the outage" })).Id();
            await receiver.WaitForAsync(requests => requests.Any(r => r.Body.Contains(before.ToString(), StringComparison.Ordinal)));

            await database.StopAsync();

            var write = await tenant.Owner.PostAsJsonAsync("/api/v1/tasks", new { title = "during the outage" });
            await write.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
            Assert.Equal("5", write.Headers.RetryAfter?.ToString());
            await (await tenant.Owner.GetAsync("/api/v1/tasks")).AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
            var ready = await host.Anonymous().GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await host.Anonymous().GetAsync("/health/live")).StatusCode);

            await database.StartAgainAsync();

            var after = await CreateOnceRecoveredAsync(tenant.Owner);
            await WaitUntilReadyAsync(host.Anonymous());
            // The delivery worker, which failed its rounds during the outage, picks the new event up without a restart.
            await receiver.WaitForAsync(requests => requests.Any(r => r.Body.Contains(after.ToString(), StringComparison.Ordinal)), timeoutSeconds: 30);

            var titles = (await tenant.Owner.GetFromJsonAsync<JsonObject>("/api/v1/tasks?limit=100"))!["items"]!.AsArray()
                .Select(t => t!["title"]!.GetValue<string>()).ToList();
            Assert.Contains("before the outage", titles);
            Assert.Contains("after the outage", titles);
            Assert.DoesNotContain("during the outage", titles);
            output.WriteLine("database outage: 503 while down, ready again, deliveries resumed, 0 writes lost");
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    /// <summary>The first requests after the restart may meet pooled connections the shutdown cut: those are 503s too.</summary>
    private static async Task<Guid> CreateOnceRecoveredAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow + RecoveryDeadline;
        while (true)
        {
            var response = await client.PostAsJsonAsync("/api/v1/tasks", new { title = "after the outage" });
            if (response.StatusCode == HttpStatusCode.Created)
            {
                return (await response.ReadJsonAsync()).Id();
            }

            await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
            Assert.True(DateTime.UtcNow < deadline, "writes did not resume after the database came back");
            await Task.Delay(250);
        }
    }

    private static async Task WaitUntilReadyAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow + RecoveryDeadline;
        while ((await client.GetAsync("/health/ready")).StatusCode != HttpStatusCode.OK)
        {
            Assert.True(DateTime.UtcNow < deadline, "/health/ready stayed unhealthy after the database came back");
            await Task.Delay(250);
        }
    }

    private sealed class OutageHost(string connectionString) : NovaPulseFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:Default"] = connectionString,
        };
    }
}
