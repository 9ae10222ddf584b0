using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using NovaPulse.WebApi.IntegrationTests.Infrastructure;

namespace NovaPulse.WebApi.IntegrationTests.Billing;

[Collection(BillingCollection.Name)]
public sealed class BillingLimitTests(BillingFactory factory)
{
    [Fact]
    public async Task The_task_limit_allows_exactly_N_tasks_then_answers_402_with_the_plan_that_lifts_it()
    {
        var tenant = await factory.RegisterAsync();
        for (var i = 0; i < BillingFactory.FreeTasks; i++)
        {
            await tenant.Owner.CreateTaskAsync(new { title = $"task {i}" });
        }

        var problem = await (await tenant.Owner.PostAsJsonAsync("/api/v1/tasks", new { title = "one too many" })).AssertProblemAsync(HttpStatusCode.PaymentRequired);

        Assert.Equal("task_limit_reached", problem["code"]!.GetValue<string>());
        Assert.Equal(BillingFactory.FreeTasks, problem["limit"]!.GetValue<long>());
        Assert.Equal(BillingFactory.FreeTasks, problem["usage"]!.GetValue<long>());
        Assert.Equal("pro", problem["plan"]!.GetValue<string>());
    }

    [Fact]
    public async Task Concurrent_creates_one_below_the_task_limit_add_exactly_one_task()
    {
        var tenant = await factory.RegisterAsync();
        for (var i = 0; i < BillingFactory.FreeTasks - 1; i++)
        {
            await tenant.Owner.CreateTaskAsync(new { title = $"task {i}" });
        }

        var race = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => tenant.Owner.PostAsJsonAsync("/api/v1/tasks", new { title = $"race {i}" })));

        Assert.Single(race, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(race.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.PaymentRequired, r.StatusCode));
        var after = await (await tenant.Owner.PostAsJsonAsync("/api/v1/tasks", new { title = "after" })).AssertProblemAsync(HttpStatusCode.PaymentRequired);
        Assert.Equal(BillingFactory.FreeTasks, after["usage"]!.GetValue<long>());
    }

    [Fact]
    public async Task Deleting_a_task_at_the_limit_frees_exactly_one_slot_and_billing_shows_the_count()
    {
        var tenant = await factory.RegisterAsync();
        var ids = new List<string>();
        for (var i = 0; i < BillingFactory.FreeTasks; i++)
        {
            ids.Add((await tenant.Owner.CreateTaskAsync(new { title = $"task {i}" }))["id"]!.GetValue<string>());
        }

        Assert.Equal(HttpStatusCode.NoContent, (await tenant.Owner.DeleteAsync($"/api/v1/tasks/{ids[0]}")).StatusCode);
        var me = await (await tenant.Owner.GetAsync("/api/v1/billing/me")).ReadJsonAsync();
        Assert.Equal(BillingFactory.FreeTasks - 1, me["usage"]!["tasks"]!.GetValue<long>());

        await tenant.Owner.CreateTaskAsync(new { title = "in the freed slot" });
        await (await tenant.Owner.PostAsJsonAsync("/api/v1/tasks", new { title = "one too many" })).AssertProblemAsync(HttpStatusCode.PaymentRequired);
    }

    [Fact]
    public async Task Concurrent_invitations_for_the_last_seat_create_exactly_one()
    {
        var tenant = await factory.RegisterAsync();
        await tenant.AddMemberAsync("member");

        var race = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            tenant.Owner.PostAsJsonAsync("/api/v1/members/invitations", new { email = $"r{i}-{Guid.NewGuid():N}@example.test", role = "member" })));

        Assert.Single(race, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(race.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.PaymentRequired, r.StatusCode));
    }

    [Fact]
    public async Task The_seat_limit_counts_members_and_pending_invitations()
    {
        var tenant = await factory.RegisterAsync();
        await tenant.AddMemberAsync("member");
        var pending = await tenant.Owner.PostAsJsonAsync("/api/v1/members/invitations", new { email = $"p-{Guid.NewGuid():N}@example.test", role = "member" });
        Assert.Equal(HttpStatusCode.Created, pending.StatusCode);

        var response = await tenant.Owner.PostAsJsonAsync("/api/v1/members/invitations", new { email = $"q-{Guid.NewGuid():N}@example.test", role = "member" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.PaymentRequired);
        Assert.Equal("seat_limit_reached", problem["code"]!.GetValue<string>());
        Assert.Equal(BillingFactory.FreeSeats, problem["limit"]!.GetValue<long>());
        Assert.Equal(BillingFactory.FreeSeats, problem["usage"]!.GetValue<long>());
        Assert.Equal("pro", problem["plan"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_downgrade_below_current_usage_blocks_new_tasks_but_keeps_and_edits_the_existing_ones()
    {
        var tenant = await factory.RegisterAsync();
        var (_, subscription) = await factory.SubscribeAsync(tenant);
        var ids = new List<string>();
        for (var i = 0; i < BillingFactory.FreeTasks + 2; i++)
        {
            ids.Add((await tenant.Owner.CreateTaskAsync(new { title = $"pro task {i}" }))["id"]!.GetValue<string>());
        }

        subscription["status"] = "canceled";
        await factory.SendWebhookAsync("customer.subscription.deleted", subscription);

        var blocked = await (await tenant.Owner.PostAsJsonAsync("/api/v1/tasks", new { title = "after downgrade" })).AssertProblemAsync(HttpStatusCode.PaymentRequired);
        Assert.Equal(BillingFactory.FreeTasks + 2, blocked["usage"]!.GetValue<long>());
        var listed = (await (await tenant.Owner.GetAsync("/api/v1/tasks?limit=100")).ReadJsonAsync())["items"]!.AsArray();
        Assert.Equal(ids.Order(), listed.Select(t => t!["id"]!.GetValue<string>()).Order());
        var edit = await tenant.Owner.PatchAsJsonAsync($"/api/v1/tasks/{ids[0]}", new { title = "still editable" });
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        var me = await (await tenant.Owner.GetAsync("/api/v1/billing/me")).ReadJsonAsync();
        Assert.Equal(BillingFactory.FreeTasks + 2, me["usage"]!["tasks"]!.GetValue<long>());
        Assert.Equal(BillingFactory.FreeTasks, me["limits"]!["tasks"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_company_on_a_plan_no_longer_configured_has_the_free_task_limit()
    {
        var tenant = await factory.RegisterAsync();
        await factory.WithDbAsync(db => db.Companies.IgnoreTenant().Where(c => c.Id == tenant.CompanyId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.PlanId, "retired-2019")));
        for (var i = 0; i < BillingFactory.FreeTasks; i++)
        {
            await tenant.Owner.CreateTaskAsync(new { title = $"task {i}" });
        }

        var problem = await (await tenant.Owner.PostAsJsonAsync("/api/v1/tasks", new { title = "one too many" })).AssertProblemAsync(HttpStatusCode.PaymentRequired);

        Assert.Equal(BillingFactory.FreeTasks, problem["limit"]!.GetValue<long>());
    }

    [Fact]
    public async Task The_pro_plan_lifts_the_free_task_limit()
    {
        var tenant = await factory.RegisterAsync();
        await factory.SubscribeAsync(tenant);

        for (var i = 0; i < BillingFactory.ProTasks; i++)
        {
            await tenant.Owner.CreateTaskAsync(new { title = $"task {i}" });
        }

        var problem = await (await tenant.Owner.PostAsJsonAsync("/api/v1/tasks", new { title = "beyond pro" })).AssertProblemAsync(HttpStatusCode.PaymentRequired);
        Assert.Equal(BillingFactory.ProTasks, problem["limit"]!.GetValue<long>());
        Assert.Equal("business", problem["plan"]!.GetValue<string>());
    }
}
