using System.Net;
using System.Net.Http.Json;
using NovaPulse.WebApi.IntegrationTests.Infrastructure;

namespace NovaPulse.WebApi.IntegrationTests.Integrations;

/// <summary>Email through a company's own SMTP server: a real aiosmtpd server receives what MailKit sends.</summary>
[Collection(IntegrationsCollection.Name)]
public sealed class EmailIntegrationTests(IntegrationsFactory factory)
{
    [Fact]
    public async Task Configuring_email_masks_the_password_and_the_test_message_arrives_with_the_right_headers()
    {
        var tenant = await factory.RegisterAsync();

        var integration = await tenant.Owner.ConfigureEmailAsync(factory.Smtp);
        var to = $"ops-{Guid.NewGuid():N}@example.test";
        var result = await tenant.Owner.PostJsonAsync("/api/v1/integrations/email/test", new { to });

        Assert.Equal("email", integration["type"]!.GetValue<string>());
        Assert.Equal("connected", integration["status"]!.GetValue<string>());
        Assert.Equal("********", integration["settings"]!["password"]!.GetValue<string>());
        Assert.DoesNotContain(SmtpTestServer.Password, integration.ToJsonString(), StringComparison.Ordinal);
        Assert.True(result["succeeded"]!.GetValue<bool>(), result.ToJsonString());
        var message = await factory.Smtp.WaitForMessageToAsync(to);
        Assert.Equal("NovaPulse test message", message.Subject);
        Assert.Equal("\"NovaPulse Alerts\" <alerts@novapulse.test>", message.From.ToString());
        Assert.Equal(to, message.To.Mailboxes.Single().Address);
        Assert.Equal("alerts@novapulse.test", message.Headers["X-Envelope-From"]);
        Assert.Equal("auto-generated", message.Headers["Auto-Submitted"]);
        Assert.False(string.IsNullOrEmpty(message.MessageId));
        Assert.Contains("your email integration works", message.TextBody, StringComparison.Ordinal);
        var listed = await tenant.Owner.IntegrationAsync("email");
        Assert.NotNull(listed!["lastTestedAt"]);
        Assert.Null(listed["lastError"]);
    }

    [Fact]
    public async Task A_rejected_login_marks_the_integration_broken_with_the_reason()
    {
        var tenant = await factory.RegisterAsync();
        await tenant.Owner.ConfigureEmailAsync(factory.Smtp, password: "wrong-password");

        var result = await tenant.Owner.PostJsonAsync("/api/v1/integrations/email/test", new { to = "ops@example.test" });

        Assert.False(result["succeeded"]!.GetValue<bool>());
        Assert.Equal("broken", result["status"]!.GetValue<string>());
        Assert.Contains("rejected the username or password", result["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("broken", (await tenant.Owner.IntegrationAsync("email"))!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Saving_again_without_a_password_keeps_the_stored_one()
    {
        var tenant = await factory.RegisterAsync();
        await tenant.Owner.ConfigureEmailAsync(factory.Smtp);
        await tenant.Owner.ConfigureEmailAsync(factory.Smtp, password: null, fromName: "Renamed");

        var to = $"keep-{Guid.NewGuid():N}@example.test";
        var result = await tenant.Owner.PostJsonAsync("/api/v1/integrations/email/test", new { to });

        Assert.True(result["succeeded"]!.GetValue<bool>(), result.ToJsonString());
        Assert.Equal("\"Renamed\" <alerts@novapulse.test>", (await factory.Smtp.WaitForMessageToAsync(to)).From.ToString());
    }

    [Theory]
    [InlineData("host", "localhost")]
    [InlineData("port", 2525)]
    [InlineData("security", "starttls")]
    public async Task Changing_where_the_password_goes_requires_it_again(string field, object value)
    {
        var tenant = await factory.RegisterAsync();
        await tenant.Owner.ConfigureEmailAsync(factory.Smtp);
        var body = new Dictionary<string, object?>
        {
            ["host"] = "127.0.0.1",
            ["port"] = factory.Smtp.Port,
            ["username"] = SmtpTestServer.Username,
            ["password"] = null,
            ["fromAddress"] = "alerts@novapulse.test",
            ["security"] = "none",
        };
        body[field] = value;

        var response = await tenant.Owner.PutAsJsonAsync("/api/v1/integrations/email", body);
        var stored = await (await tenant.Owner.GetAsync("/api/v1/integrations")).Content.ReadAsStringAsync();

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["password"]);
        Assert.Contains($"127.0.0.1:{factory.Smtp.Port}", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_server_is_reported_without_breaking_the_integration()
    {
        var tenant = await factory.RegisterAsync();
        var response = await tenant.Owner.PutAsJsonAsync("/api/v1/integrations/email", new
        {
            host = "127.0.0.1",
            port = 9,
            fromAddress = "alerts@novapulse.test",
            security = "starttls",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var result = await tenant.Owner.PostJsonAsync("/api/v1/integrations/email/test", new { to = "ops@example.test" });

        Assert.False(result["succeeded"]!.GetValue<bool>());
        Assert.Equal("connected", result["status"]!.GetValue<string>());
        Assert.Contains("127.0.0.1:9", result["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bad host name", 25, "alerts@novapulse.test", "none", "host")]
    [InlineData("smtp.example.test", 0, "alerts@novapulse.test", "none", "port")]
    [InlineData("smtp.example.test", 70000, "alerts@novapulse.test", "none", "port")]
    [InlineData("smtp.example.test", 587, "not-an-email", "starttls", "fromAddress")]
    [InlineData("smtp.example.test", 587, "a@b.test\r\nBcc: x@evil.test", "starttls", "fromAddress")]
    [InlineData("smtp.example.test", 587, "alerts@novapulse.test", "ssl3", "security")]
    public async Task Invalid_settings_are_rejected_naming_the_field(string host, int port, string fromAddress, string security, string field)
    {
        var tenant = await factory.RegisterAsync();

        var response = await tenant.Owner.PutAsJsonAsync("/api/v1/integrations/email", new { host, port, fromAddress, security });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem["errors"]?[field] is not null || field == "security", problem.ToJsonString());
        Assert.Null(await tenant.Owner.IntegrationAsync("email"));
    }

    [Fact]
    public async Task Testing_needs_a_valid_recipient_and_a_configured_server()
    {
        var tenant = await factory.RegisterAsync();

        var unconfigured = await tenant.Owner.PostAsJsonAsync("/api/v1/integrations/email/test", new { to = "ops@example.test" });
        var badRecipient = await tenant.Owner.PostAsJsonAsync("/api/v1/integrations/email/test", new { to = "nobody" });

        await unconfigured.AssertProblemAsync(HttpStatusCode.NotFound);
        await badRecipient.AssertProblemAsync(HttpStatusCode.BadRequest);
    }
}
