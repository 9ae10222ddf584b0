using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using NovaPulse.WebApi.IntegrationTests.Infrastructure;

namespace NovaPulse.WebApi.IntegrationTests;

/// <summary>Domain events land in the outbox in the same transaction as the change, and only when it commits.</summary>
[Collection(ApiCollection.Name)]
public sealed class OutboxTests(NovaPulseFactory factory)
{
    [Fact]
    public async Task Task_lifecycle_writes_its_events_to_the_outbox()
    {
        var tenant = await factory.RegisterAsync();
        var (_, memberId) = await tenant.AddMemberAsync("member");
        var task = await tenant.Owner.CreateTaskAsync(new { title = "evented" });
        var id = task["id"]!.GetValue<string>();
        await tenant.Owner.PatchAsJsonAsync($"/api/v1/tasks/{id}", new { assigneeId = memberId });
        await tenant.Owner.PatchAsJsonAsync($"/api/v1/tasks/{id}", new { status = "done" });
        await tenant.Owner.DeleteAsync($"/api/v1/tasks/{id}");

        var events = await factory.WithDbAsync(db => db.OutboxMessages.IgnoreTenant()
            .Where(m => m.CompanyId == tenant.CompanyId && m.Type.StartsWith("task."))
            .ToListAsync());
        events = [.. events.OrderBy(e => e.OccurredAt)];

        // Events of one save share its timestamp; across saves they are in order.
        Assert.Equal(
            ["task.assigned", "task.completed", "task.created", "task.deleted", "task.updated", "task.updated"],
            events.Select(e => e.Type).Order());
        Assert.Equal("task.created", events[0].Type);
        Assert.Equal("task.deleted", events[^1].Type);
        Assert.All(events, e => Assert.Equal(id, JsonNode.Parse(e.Payload)!.AsObject() switch
        {
            var o when o.ContainsKey("task") => o["task"]!["id"]!.GetValue<string>(),
            var o => o["id"]!.GetValue<string>(),
        }));
        var assigned = JsonNode.Parse(events.Single(e => e.Type == "task.assigned").Payload)!;
        Assert.Equal(memberId.ToString(), assigned["task"]!["assigneeId"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_rejected_change_writes_no_event()
    {
        var tenant = await factory.RegisterAsync();
        var task = await tenant.Owner.CreateTaskAsync(new { title = "v1" });
        var before = await CountAsync(tenant.CompanyId);

        var stale = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/tasks/{task["id"]}") { Content = JsonContent.Create(new { title = "v2" }) };
        stale.Headers.TryAddWithoutValidation("If-Match", "\"9\"");
        var response = await tenant.Owner.SendAsync(stale);
        var invalid = await tenant.Owner.PostAsJsonAsync("/api/v1/tasks", new { title = "" });

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(before, await CountAsync(tenant.CompanyId));
    }

    [Fact]
    public async Task Joining_a_company_emits_member_joined()
    {
        var tenant = await factory.RegisterAsync();
        var (_, memberId) = await tenant.AddMemberAsync("member");

        var joined = await factory.WithDbAsync(db => db.OutboxMessages.IgnoreTenant()
            .Where(m => m.CompanyId == tenant.CompanyId && m.Type == "member.joined").Select(m => m.Payload).ToListAsync());

        Assert.Contains(joined, p => p.Contains(memberId.ToString(), StringComparison.Ordinal));
    }

    private Task<int> CountAsync(Guid companyId) =>
        factory.WithDbAsync(db => db.OutboxMessages.IgnoreTenant().CountAsync(m => m.CompanyId == companyId));
}
