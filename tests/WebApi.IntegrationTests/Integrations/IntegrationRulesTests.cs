using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NovaPulse.WebApi.IntegrationTests.Infrastructure;

namespace NovaPulse.WebApi.IntegrationTests.Integrations;

/// <summary>Integration rules on a host configured like production for Slack URLs (https only).</summary>
[Collection(ApiCollection.Name)]
public sealed class IntegrationRulesTests(NovaPulseFactory factory)
{
    [Fact]
    public async Task A_plain_http_slack_url_is_422_outside_development()
    {
        var tenant = await factory.RegisterAsync();

        var response = await tenant.Owner.PutAsJsonAsync("/api/v1/integrations/slack", new { webhookUrl = "http://hooks.slack.com/services/T0/B0/XYZ" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("https", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty((await tenant.Owner.GetFromJsonAsync<List<object>>("/api/v1/integrations"))!);
    }

    [Fact]
    public async Task Another_companys_integration_and_an_unknown_id_are_404()
    {
        var a = await factory.RegisterAsync();
        var b = await factory.RegisterAsync();
        var id = (await a.Owner.ConfigureSlackAsync("https://hooks.slack.example/services/T0/B0/ABC"))["id"]!.GetValue<string>();

        var deleteAsB = await b.Owner.DeleteAsync($"/api/v1/integrations/{id}");
        var notifyAsB = await b.Owner.PutAsJsonAsync($"/api/v1/integrations/{id}/notifications", new { events = new[] { "task.created" } });
        var unknown = await a.Owner.DeleteAsync($"/api/v1/integrations/{Guid.NewGuid()}");

        await deleteAsB.AssertProblemAsync(HttpStatusCode.NotFound);
        await notifyAsB.AssertProblemAsync(HttpStatusCode.NotFound);
        await unknown.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await b.Owner.GetFromJsonAsync<List<object>>("/api/v1/integrations"))!);
        Assert.NotNull(await a.Owner.IntegrationAsync("slack"));
    }

    [Fact]
    public async Task Members_cannot_see_or_change_integrations()
    {
        var tenant = await factory.RegisterAsync();
        var (member, _) = await tenant.AddMemberAsync("member");

        await (await member.GetAsync("/api/v1/integrations")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await member.PutAsJsonAsync("/api/v1/integrations/slack", new { webhookUrl = "https://hooks.slack.example/services/T/B/X" }))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Deleting_an_integration_removes_it()
    {
        var tenant = await factory.RegisterAsync();
        var id = (await tenant.Owner.ConfigureSlackAsync("https://hooks.slack.example/services/T0/B0/DEL"))["id"]!.GetValue<string>();

        var response = await tenant.Owner.DeleteAsync($"/api/v1/integrations/{id}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Null(await tenant.Owner.IntegrationAsync("slack"));
    }

    [Fact]
    public async Task The_database_holds_no_integration_secret_in_plain_text()
    {
        var tenant = await factory.RegisterAsync();
        const string SlackToken = "SlackHookToken0123456789";
        const string SmtpPassword = "smtp-Plain-Text-Canary-42";
        await tenant.Owner.ConfigureSlackAsync($"https://hooks.slack.example/services/T0/B0/{SlackToken}");
        var email = await tenant.Owner.PutAsJsonAsync("/api/v1/integrations/email", new
        {
            host = "smtp.example.test",
            port = 587,
            username = "mailer",
            password = SmtpPassword,
            fromAddress = "a@example.test",
            security = "starttls",
        });
        Assert.Equal(HttpStatusCode.OK, email.StatusCode);

        var rows = await factory.WithDbAsync(db => db.Integrations.IgnoreQueryFilters().AsNoTracking().Where(i => i.CompanyId == tenant.CompanyId).ToListAsync());
        var file = TestDatabase.IsPostgres ? "" : ReadShared(Path.Combine(factory.DataDirectory, "novapulse.db")) + ReadShared(Path.Combine(factory.DataDirectory, "novapulse.db-wal"));

        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Matches("^[0-9a-f]{8}:", r.Secret));
        foreach (var secret in new[] { SlackToken, SmtpPassword })
        {
            Assert.DoesNotContain(rows, r => r.Secret.Contains(secret, StringComparison.Ordinal) || r.Settings.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(secret, file, StringComparison.Ordinal);
        }
    }

    private static string ReadShared(string path)
    {
        if (!File.Exists(path))
        {
            return "";
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return Encoding.UTF8.GetString(memory.ToArray());
    }
}
