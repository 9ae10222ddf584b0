using System.Globalization;
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
    public async Task A_refused_login_is_reported_with_the_reply_code_at_once_and_breaks_the_integration_until_a_test_passes()
    {
        // Refusals come late, as from servers that tarpit failed logins: trying every offered mechanism outlasts the timeout.
        await using var smtp = await SmtpTestServer.StartAsync(refusalDelay: TimeSpan.FromSeconds(1.2));
        var tenant = await factory.RegisterAsync();
        await tenant.Owner.ConfigureEmailAsync(smtp, password: "wrong-password");

        var refused = await tenant.Owner.PostJsonAsync("/api/v1/integrations/email/test", new { to = "ops@example.test" });
        var listed = await tenant.Owner.IntegrationAsync("email");
        await smtp.ChangePasswordAsync("wrong-password");
        var passed = await tenant.Owner.PostJsonAsync("/api/v1/integrations/email/test", new { to = "ops@example.test" });

        Assert.False(refused["succeeded"]!.GetValue<bool>());
        Assert.Equal("broken", refused["status"]!.GetValue<string>());
        Assert.Contains("rejected the username or password (535 5.7.8 Authentication credentials invalid)", refused["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("broken", listed!["status"]!.GetValue<string>());
        Assert.Contains("535", listed["lastError"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(passed["succeeded"]!.GetValue<bool>(), passed.ToJsonString());
        Assert.Equal("connected", passed["status"]!.GetValue<string>());
        Assert.Null((await tenant.Owner.IntegrationAsync("email"))!["lastError"]);
    }

    [Fact]
    public async Task A_server_that_requires_a_login_names_it_when_no_username_is_configured()
    {
        await using var smtp = await SmtpTestServer.StartAsync(loginRequired: true);
        var tenant = await factory.RegisterAsync();
        await tenant.Owner.ConfigureEmailAsync(smtp, username: null, password: null);

        var result = await tenant.Owner.PostJsonAsync("/api/v1/integrations/email/test", new { to = "ops@example.test" });

        Assert.False(result["succeeded"]!.GetValue<bool>());
        Assert.Equal("broken", result["status"]!.GetValue<string>());
        Assert.Contains("requires a login (530", result["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tls", "TLS with 127.0.0.1:{0} failed")]
    [InlineData("starttls", "TLS with 127.0.0.1:{0} failed: the server does not offer STARTTLS")]
    public async Task A_tls_mismatch_is_reported_as_a_tls_failure_and_breaks_the_integration(string security, string expected)
    {
        var tenant = await factory.RegisterAsync();
        await tenant.Owner.ConfigureEmailAsync(factory.Smtp, security: security);

        var result = await tenant.Owner.PostJsonAsync("/api/v1/integrations/email/test", new { to = "ops@example.test" });

        Assert.False(result["succeeded"]!.GetValue<bool>());
        Assert.Equal("broken", result["status"]!.GetValue<string>());
        Assert.Contains(string.Format(CultureInfo.InvariantCulture, expected, factory.Smtp.Port), result["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_host_is_reported_as_such_and_breaks_the_integration()
    {
        var tenant = await factory.RegisterAsync();
        await tenant.Owner.ConfigureEmailAsync(factory.Smtp, host: "nonexistent.invalid", port: 587);

        var result = await tenant.Owner.PostJsonAsync("/api/v1/integrations/email/test", new { to = "ops@example.test" });

        Assert.False(result["succeeded"]!.GetValue<bool>());
        Assert.Equal("broken", result["status"]!.GetValue<string>());
        Assert.Contains("The SMTP host nonexistent.invalid does not exist", result["error"]!.GetValue<string>(), StringComparison.Ordinal);
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
    public async Task A_refused_connection_is_reported_as_such_without_breaking_the_integration()
    {
        var tenant = await factory.RegisterAsync();
        var port = SmtpTestServer.FreePort();
        await tenant.Owner.ConfigureEmailAsync(factory.Smtp, port: port, security: "starttls");

        var result = await tenant.Owner.PostJsonAsync("/api/v1/integrations/email/test", new { to = "ops@example.test" });

        Assert.False(result["succeeded"]!.GetValue<bool>());
        Assert.Equal("connected", result["status"]!.GetValue<string>());
        Assert.Contains($"127.0.0.1:{port} refused the connection", result["error"]!.GetValue<string>(), StringComparison.Ordinal);
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
