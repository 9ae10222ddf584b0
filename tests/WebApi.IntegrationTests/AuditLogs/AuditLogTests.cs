using System.Net;
using System.Net.Http.Json;
using NovaPulse.WebApi.IntegrationTests.Infrastructure;

namespace NovaPulse.WebApi.IntegrationTests;

[Collection(ApiCollection.Name)]
public sealed class AuditLogTests(NovaPulseFactory factory)
{
    [Fact]
    public async Task Every_task_mutation_is_audited_with_old_and_new_values_and_the_request_id()
    {
        var tenant = await factory.RegisterAsync();
        var task = await tenant.Owner.CreateTaskAsync(new { title = "before" });
        var patch = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/tasks/{task["id"]}") { Content = JsonContent.Create(new { title = "after" }) };
        patch.Headers.Add("X-Request-Id", "req-audit-1");
        await tenant.Owner.SendAsync(patch);
        await tenant.Owner.DeleteAsync($"/api/v1/tasks/{task["id"]}");

        var page = await (await tenant.Owner.GetAsync($"/api/v1/audit-logs?entityType=task&entityId={task["id"]}")).ReadJsonAsync();
        var entries = page["items"]!.AsArray();

        Assert.Equal(["deleted", "updated", "created"], entries.Select(e => e!["action"]!.GetValue<string>()));
        var update = entries[1]!;
        Assert.Equal("before", update["changes"]!["title"]!["old"]!.GetValue<string>());
        Assert.Equal("after", update["changes"]!["title"]!["new"]!.GetValue<string>());
        Assert.Equal("req-audit-1", update["requestId"]!.GetValue<string>());
        Assert.Equal(tenant.OwnerId.ToString(), update["actorId"]!.GetValue<string>());
        Assert.Equal("user", update["actorType"]!.GetValue<string>());
    }

    [Fact]
    public async Task Secrets_never_appear_in_audit_entries()
    {
        var tenant = await factory.RegisterAsync();
        var (_, key, _) = await tenant.AddApiKeyAsync();

        var all = await (await tenant.Owner.GetAsync("/api/v1/audit-logs?limit=100")).Content.ReadAsStringAsync();

        Assert.Contains("api_key", all, StringComparison.Ordinal);
        Assert.DoesNotContain(key, all, StringComparison.Ordinal);
        Assert.DoesNotContain("AQAAAA", all, StringComparison.Ordinal);
        Assert.Contains("[redacted]", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_narrow_the_trail_and_members_may_not_read_it()
    {
        var tenant = await factory.RegisterAsync();
        var (member, memberId) = await tenant.AddMemberAsync("member");
        await member.CreateTaskAsync(new { title = "by member" });

        var byActor = await (await tenant.Owner.GetAsync($"/api/v1/audit-logs?actorId={memberId}&action=created")).ReadJsonAsync();
        var forbidden = await member.GetAsync("/api/v1/audit-logs");

        Assert.Single(byActor["items"]!.AsArray());
        await forbidden.AssertProblemAsync(HttpStatusCode.Forbidden);
    }
}
