using System.Collections.Concurrent;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NovaPulse.Domain.Integrations;
using static Microsoft.Playwright.Assertions;

namespace NovaPulse.Dashboard.E2ETests;

/// <summary>
/// The SMTP password on /settings/integrations is a new secret, never the dashboard's sign-in password, and it travels
/// only when the email form is saved: saving Slack neither sends it nor touches the stored SMTP integration.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class IntegrationPasswordJourneyTests(BrowserFixture browser)
{
    private const string SmtpPassword = "Smtp-E2E-secret-4711";

    [Fact]
    public async Task The_smtp_password_is_not_autofilled_and_saving_slack_does_not_resubmit_it()
    {
        var page = await browser.NewPageAsync();
        // Everything the page sends: HTTP requests and the interactive circuit's WebSocket frames.
        var sent = new ConcurrentQueue<string>();
        page.Request += (_, request) => sent.Enqueue(request.Url + "\n" + request.PostData);
        page.WebSocket += (_, socket) => socket.FrameSent += (_, frame) =>
            sent.Enqueue(frame.Text ?? (frame.Binary is { } bytes ? Encoding.UTF8.GetString(bytes) : ""));

        var ownerEmail = await Journey.SignUpAsync(page, "Password Journeys");
        await Journey.RunAsync(page, "09-integration-password", async () =>
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "Integrations" }).ClickAsync();
            var email = page.GetByRole(AriaRole.Region, new() { Name = "Email (SMTP)" });
            var password = email.GetByLabel("Password");
            var username = email.GetByLabel("Username");
            await Expect(password).ToHaveAttributeAsync("type", "password");
            // A password manager offers the saved sign-in for current-password fields, not for new-password ones.
            await Expect(password).ToHaveAttributeAsync("autocomplete", "new-password");
            await Expect(username).Not.ToHaveAttributeAsync("autocomplete", new System.Text.RegularExpressions.Regex("username|email"));
            await Expect(password).ToHaveValueAsync("");
            await Expect(username).Not.ToHaveValueAsync(ownerEmail);

            await email.GetByLabel("Host").FillAsync("smtp.example.com");
            await username.FillAsync("mailer");
            await password.FillAsync(SmtpPassword);
            await email.GetByLabel("From address").FillAsync("noreply@example.com");
            await email.GetByRole(AriaRole.Button, new() { Name = "Save email" }).ClickAsync();
            await Expect(page.GetByText("Email connected.")).ToBeVisibleAsync();
            await Expect(password).ToHaveValueAsync("");
            var stored = await StoredEmailAsync();

            sent.Clear();
            var slack = page.GetByRole(AriaRole.Region, new() { Name = "Slack" });
            await slack.GetByLabel("Incoming webhook URL").FillAsync(browser.Host.Slack.NewWebhookUrl());
            await slack.GetByRole(AriaRole.Button, new() { Name = "Save Slack" }).ClickAsync();
            await Expect(slack.GetByTestId("integration-status")).ToContainTextAsync("Connected");

            Assert.NotEmpty(sent);
            Assert.DoesNotContain(sent, s => s.Contains(SmtpPassword, StringComparison.Ordinal));
            Assert.Equal(stored, await StoredEmailAsync());
        });
    }

    /// <summary>The stored SMTP integration (the newest one), as a comparable value: settings, encrypted password, update time.</summary>
    private Task<(string Settings, string Secret, DateTimeOffset UpdatedAt)> StoredEmailAsync() => browser.Host.WithDbAsync(db =>
        db.Integrations.IgnoreQueryFilters().Where(i => i.Type == IntegrationType.Email)
            .OrderByDescending(i => i.CreatedAt).Select(i => ValueTuple.Create(i.Settings, i.Secret, i.UpdatedAt)).FirstAsync());
}
