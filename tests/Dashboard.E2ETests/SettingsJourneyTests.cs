using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NovaPulse.Dashboard.E2ETests;

[Collection(BrowserCollection.Name)]
public sealed class SettingsJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_api_key_is_shown_once_works_against_the_api_and_stops_working_when_revoked()
    {
        var page = await browser.NewPageAsync();
        await Journey.SignUpAsync(page, "Key Journeys");
        await Journey.RunAsync(page, "04-api-keys", async () =>
        {
            // The dashboard cookie is not a credential for the API (no CSRF through the browser).
            var withCookie = await page.APIRequest.GetAsync("api/v1/tasks");
            Assert.Equal(401, withCookie.Status);

            await page.GetByRole(AriaRole.Link, new() { Name = "API keys" }).ClickAsync();
            await Expect(page.GetByText("No API keys yet.")).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();
            await Expect(page.Locator("#key-name ~ .validation-message")).ToBeVisibleAsync();

            await page.GetByLabel("Name").FillAsync("CI deploys");
            await page.GetByLabel("Role").SelectOptionAsync("Admin");
            await page.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();
            var key = (await page.GetByTestId("key-once").Locator("code").TextContentAsync())!.Trim();
            Assert.StartsWith("np_", key, StringComparison.Ordinal);

            var me = await page.APIRequest.GetAsync("api/v1/auth/me", new() { Headers = new Dictionary<string, string> { ["X-Api-Key"] = key } });
            Assert.Equal(200, me.Status);
            using (var body = JsonDocument.Parse(await me.TextAsync()))
            {
                Assert.Equal("Key Journeys", body.RootElement.GetProperty("company").GetProperty("name").GetString());
            }

            await page.GetByRole(AriaRole.Button, new() { Name = "I have copied it" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Table, new() { Name = "API keys" })).ToContainTextAsync("CI deploys");
            await Expect(page.GetByRole(AriaRole.Table, new() { Name = "API keys" })).Not.ToContainTextAsync(key);
            await Journey.ScreenshotAsync(page, "04-api-keys");

            await page.GetByRole(AriaRole.Button, new() { Name = "Revoke CI deploys" }).ClickAsync();
            await page.GetByRole(AriaRole.Alertdialog).GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
            await Expect(page.GetByText("No API keys yet.")).ToBeVisibleAsync();
            var revoked = await page.APIRequest.GetAsync("api/v1/auth/me", new() { Headers = new Dictionary<string, string> { ["X-Api-Key"] = key } });
            Assert.Equal(401, revoked.Status);

            await page.GetByRole(AriaRole.Link, new() { Name = "Members" }).ClickAsync();
            await page.GetByLabel("Email").FillAsync("new.member@example.com");
            await page.GetByRole(AriaRole.Button, new() { Name = "Invite" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Invited new.member@example.com" })).ToBeVisibleAsync();

            await page.GetByRole(AriaRole.Link, new() { Name = "Developer" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Event catalogue" })).ToContainTextAsync("task.created");
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "/openapi/v1.json" })).ToBeVisibleAsync();
        });
    }

    [Fact]
    public async Task A_member_removed_by_the_owner_is_signed_out_of_the_dashboard_on_their_next_page()
    {
        var owner = await browser.NewPageAsync();
        await Journey.SignUpAsync(owner, "Removal Journeys");
        var member = await browser.NewPageAsync();
        await Journey.RunAsync(owner, "06-member-removed", async () =>
        {
            await owner.GetByRole(AriaRole.Link, new() { Name = "Members" }).ClickAsync();
            var email = $"member-{Guid.NewGuid():N}@example.com";
            await owner.GetByLabel("Email").FillAsync(email);
            await owner.GetByRole(AriaRole.Button, new() { Name = "Invite" }).ClickAsync();
            var token = (await owner.GetByRole(AriaRole.Status).Locator("code").TextContentAsync())!.Trim();
            var accepted = await member.APIRequest.PostAsync($"api/v1/invitations/{token}/accept", new() { DataObject = new { name = "Max Member", password = Journey.Password } });
            Assert.Equal(201, accepted.Status);

            await member.GotoAsync("account/login");
            await member.GetByLabel("Email").FillAsync(email);
            await member.GetByLabel("Password").FillAsync(Journey.Password);
            await member.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await member.WaitForURLAsync("**/dashboard/tasks");

            await owner.ReloadAsync();
            await owner.GetByRole(AriaRole.Button, new() { Name = "Remove Max Member" }).ClickAsync();
            await owner.GetByRole(AriaRole.Alertdialog).GetByRole(AriaRole.Button, new() { Name = "Remove" }).ClickAsync();
            await Expect(owner.GetByRole(AriaRole.Status).Filter(new() { HasText = "Removed Max Member" })).ToBeVisibleAsync();

            // A full page request (a link click may be an enhanced, fetch-based navigation): the cookie is re-checked.
            await member.GotoAsync("dashboard/uploads");
            await member.WaitForURLAsync("**/account/login**");
            await Expect(member.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
            await Journey.ScreenshotAsync(owner, "06-member-removed");
        });
    }

    [Fact]
    public async Task At_390_px_the_dashboard_fits_the_screen_and_signing_out_and_in_again_works_from_the_keyboard()
    {
        var page = await browser.NewPageAsync(width: 390, height: 844);
        var email = await Journey.SignUpAsync(page, "Phone Journeys");
        await Journey.RunAsync(page, "05-mobile", async () =>
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "New task" }).ClickAsync();
            await page.GetByRole(AriaRole.Dialog).GetByLabel("Title").FillAsync("Phone task with a rather long title that must wrap");
            await page.GetByRole(AriaRole.Dialog).GetByLabel("Title").PressAsync("Enter");
            await Expect(page.GetByTestId("task-row")).ToHaveCountAsync(1);
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The page scrolls sideways at 390 px.");
            await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" })).ToBeVisibleAsync();
            await Journey.ScreenshotAsync(page, "05-mobile");

            await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
            await page.WaitForURLAsync("**/account/login");
            await page.GotoAsync("dashboard/uploads");
            await page.WaitForURLAsync("**/account/login?ReturnUrl=%2Fdashboard%2Fuploads");

            await page.GetByLabel("Email").FillAsync(email);
            await page.GetByLabel("Password").FillAsync("wrong-passw0rd");
            await page.GetByLabel("Password").PressAsync("Enter");
            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Invalid email or password.");

            await page.GetByLabel("Password").FillAsync(Journey.Password);
            await page.GetByLabel("Password").PressAsync("Enter");
            await page.WaitForURLAsync("**/dashboard/uploads");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Media library" })).ToBeVisibleAsync();
        });
    }
}
