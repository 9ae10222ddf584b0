using System.Net;
using System.Net.Http.Json;
using NovaPulse.WebApi.IntegrationTests.Infrastructure;

namespace NovaPulse.WebApi.IntegrationTests;

/// <summary>Tenancy is a security boundary: another company's ids answer 404 and its rows never show up.</summary>
[Collection(ApiCollection.Name)]
public sealed class TenantIsolationTests(NovaPulseFactory factory)
{
    [Fact]
    public async Task Another_companys_task_is_404_for_read_update_and_delete_by_jwt_and_api_key()
    {
        var a = await factory.RegisterAsync();
        var b = await factory.RegisterAsync();
        var (bKey, _, _) = await b.AddApiKeyAsync("admin");
        var task = await a.Owner.CreateTaskAsync(new { title = "A's secret", description = "classified" });
        var url = $"/api/v1/tasks/{task["id"]}";

        foreach (var client in new[] { b.Owner, bKey })
        {
            var get = await client.GetAsync(url);
            var patch = await client.PatchAsJsonAsync(url, new { title = "pwned" });
            var delete = await client.DeleteAsync(url);
            foreach (var response in new[] { get, patch, delete })
            {
                await response.AssertProblemAsync(HttpStatusCode.NotFound);
                Assert.DoesNotContain("classified", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }

        var still = await (await a.Owner.GetAsync(url)).ReadJsonAsync();
        Assert.Equal("A's secret", still["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Lists_only_ever_show_the_callers_company()
    {
        var a = await factory.RegisterAsync();
        var b = await factory.RegisterAsync();
        await a.Owner.CreateTaskAsync(new { title = "only-a", tags = new[] { "shared-tag" } });

        var tasks = await (await b.Owner.GetAsync("/api/v1/tasks?tag=shared-tag")).Content.ReadAsStringAsync();
        var members = await (await b.Owner.GetAsync("/api/v1/members")).ReadJsonAsync();
        var audit = await (await b.Owner.GetAsync("/api/v1/audit-logs?limit=100")).Content.ReadAsStringAsync();

        Assert.DoesNotContain("only-a", tasks, StringComparison.Ordinal);
        Assert.Equal([b.OwnerId.ToString()], members["items"]!.AsArray().Select(m => m!["id"]!.GetValue<string>()));
        Assert.DoesNotContain(a.CompanyId.ToString(), audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Interleaved_requests_of_two_companies_on_pooled_contexts_each_see_only_their_own_rows()
    {
        var a = await factory.RegisterAsync();
        var b = await factory.RegisterAsync();
        var (bKey, _, _) = await b.AddApiKeyAsync();
        await a.Owner.CreateTaskAsync(new { title = "pool-a" });
        await b.Owner.CreateTaskAsync(new { title = "pool-b" });

        // Database contexts are pooled and reused by whichever request comes next: none may keep the last caller's company.
        var callers = Enumerable.Range(0, 60).Select(i => (i % 3) switch { 0 => (a.Owner, "pool-a"), 1 => (b.Owner, "pool-b"), _ => (bKey, "pool-b") });
        var pages = await Task.WhenAll(callers.Select(async c =>
        {
            using var response = await c.Item1.GetAsync("/api/v1/tasks");
            return (c.Item2, response.StatusCode, await response.Content.ReadAsStringAsync());
        }));

        foreach (var (own, status, page) in pages)
        {
            Assert.True(status == HttpStatusCode.OK, $"{status}: {page}");
            Assert.Contains(own, page, StringComparison.Ordinal);
            Assert.DoesNotContain(own == "pool-a" ? "pool-b" : "pool-a", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Another_companys_member_cannot_be_changed_or_removed()
    {
        var a = await factory.RegisterAsync();
        var b = await factory.RegisterAsync();

        var patch = await b.Owner.PatchAsJsonAsync($"/api/v1/members/{a.OwnerId}", new { role = "member" });
        var delete = await b.Owner.DeleteAsync($"/api/v1/members/{a.OwnerId}");

        await patch.AssertProblemAsync(HttpStatusCode.NotFound);
        await delete.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_company_id_in_the_body_is_ignored()
    {
        var a = await factory.RegisterAsync();
        var b = await factory.RegisterAsync();

        var created = await b.Owner.CreateTaskAsync(new { title = "planted", companyId = a.CompanyId });

        var stored = await factory.WithDbAsync(db => Task.FromResult(db.Tasks.IgnoreTenant().Single(t => t.Id == Guid.Parse(created["id"]!.GetValue<string>()))));
        Assert.Equal(b.CompanyId, stored.CompanyId);
        var aTasks = await (await a.Owner.GetAsync("/api/v1/tasks")).ReadJsonAsync();
        Assert.Empty(aTasks["items"]!.AsArray());
    }
}
