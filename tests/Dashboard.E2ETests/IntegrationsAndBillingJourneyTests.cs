using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NovaPulse.Dashboard.E2ETests;

[Collection(BrowserCollection.Name)]
public sealed class IntegrationsAndBillingJourneyTests(BrowserFixture browser)
{
    private static ILocator Nav(IPage page, string name) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    [Fact]
    public async Task Slack_connects_to_a_local_fake_tests_and_notifies_and_the_plans_invoices_and_billing_pages_show_the_free_plan()
    {
        var slack = browser.Host.Slack;
        var webhookUrl = slack.NewWebhookUrl();
        var page = await browser.NewPageAsync();
        await Journey.SignUpAsync(page, "Integration Journeys");
        await Journey.RunAsync(page, "07-integrations-billing", async () =>
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "Integrations" }).ClickAsync();
            var section = page.GetByRole(AriaRole.Region, new() { Name = "Slack" });
            await Expect(section).ToContainTextAsync("Not connected");

            await section.GetByLabel("Incoming webhook URL").FillAsync("ftp://example.com/hook");
            await section.GetByRole(AriaRole.Button, new() { Name = "Save Slack" }).ClickAsync();
            await Expect(section.Locator("#slack-url ~ .validation-message")).ToBeVisibleAsync();

            await section.GetByLabel("Incoming webhook URL").FillAsync(webhookUrl);
            await section.GetByLabel("Channel (optional)").FillAsync("#launch");
            await section.GetByRole(AriaRole.Button, new() { Name = "Save Slack" }).ClickAsync();
            await Expect(section.GetByTestId("integration-status")).ToContainTextAsync("Connected");

            await section.GetByRole(AriaRole.Button, new() { Name = "Send Slack test" }).ClickAsync();
            await Expect(page.GetByText("Slack test succeeded.")).ToBeVisibleAsync();
            Assert.Contains(slack.MessagesTo(webhookUrl), m => m["channel"]?.GetValue<string>() == "#launch");

            await section.GetByLabel("task.created").CheckAsync();
            await section.GetByRole(AriaRole.Button, new() { Name = "Save notifications" }).ClickAsync();
            await Expect(section.GetByText("Notifications saved.")).ToBeVisibleAsync();
            await Journey.ScreenshotAsync(page, "07-integrations");

            // Where Google's consent screen sends the browser back when the person declines.
            await page.GotoAsync("settings/integrations?error=access_denied&provider=google");
            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Google was not connected: access_denied.");

            await page.GetByRole(AriaRole.Link, new() { Name = "Tasks" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "New task" }).ClickAsync();
            await page.GetByRole(AriaRole.Dialog).GetByLabel("Title").FillAsync("Announce in Slack");
            await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Create task" }).ClickAsync();
            var deadline = DateTime.UtcNow.AddSeconds(15);
            while (!slack.MessagesTo(webhookUrl).Any(m => m.ToJsonString().Contains("Announce in Slack", StringComparison.Ordinal)))
            {
                Assert.True(DateTime.UtcNow < deadline, "Slack never got the task.created notification.");
                await Task.Delay(100);
            }

            await Nav(page, "Plans").ClickAsync();
            var current = page.GetByTestId("plan").Filter(new() { HasText = "Your current plan" });
            await Expect(current).ToHaveCountAsync(1);
            Assert.True(await page.GetByTestId("plan").CountAsync() > 1, "Only one plan is offered.");
            var currentPlan = (await current.GetByRole(AriaRole.Heading).TextContentAsync())!;

            await Nav(page, "Invoices").ClickAsync();
            await Expect(page.GetByText("No invoices yet.")).ToBeVisibleAsync();

            await Nav(page, "Billing").ClickAsync();
            await Expect(page.GetByTestId("current-plan")).ToHaveTextAsync(currentPlan);
            await Expect(page.GetByText("Tasks: 1 of")).ToBeVisibleAsync();
            await Journey.ScreenshotAsync(page, "07-billing");
        });
    }

    [Fact]
    public async Task Choosing_a_paid_plan_sends_the_browser_to_stripe_checkout_for_that_plan()
    {
        var page = await browser.NewPageAsync();
        await Journey.SignUpAsync(page, "Checkout Journeys");
        await Journey.RunAsync(page, "08-checkout", async () =>
        {
            // Stripe's hosted page is out of reach here: the browser's request for it is answered locally.
            await page.RouteAsync("https://checkout.stripe.test/**", route => route.FulfillAsync(new()
            {
                ContentType = "text/html",
                Body = "<!doctype html><title>Stripe Checkout</title><h1>Pay for NovaPulse Pro</h1>",
            }));

            await Nav(page, "Plans").ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Choose Pro" }).ClickAsync();

            await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("^https://checkout\\.stripe\\.test/c/pay/cs_test_"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pay for NovaPulse Pro" })).ToBeVisibleAsync();
            var session = Assert.Single(browser.Host.Stripe.To("POST", "/v1/checkout/sessions"));
            Assert.Equal("subscription", session.Form["mode"]);
            Assert.Equal("price_pro", session.Form["line_items[0][price]"]);
            var customer = Assert.Single(browser.Host.Stripe.Customers.Values);
            Assert.Equal("Checkout Journeys", customer["name"]!.GetValue<string>());
            Assert.Equal(customer["id"]!.GetValue<string>(), session.Form["customer"]);
        });
    }
}
