using Microsoft.Playwright;
using NovaPulse.WebApi.IntegrationTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace NovaPulse.Dashboard.E2ETests;

[Collection(BrowserCollection.Name)]
public sealed class WebhookJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_webhook_to_a_local_receiver_shows_its_secret_once_and_its_deliveries_in_the_logs()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var page = await browser.NewPageAsync();
        await Journey.SignUpAsync(page, "Webhook Journeys");
        await Journey.RunAsync(page, "03-webhooks", async () =>
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "Webhooks" }).ClickAsync();
            await Expect(page.GetByText("No webhook endpoints yet.")).ToBeVisibleAsync();

            await page.GetByRole(AriaRole.Button, new() { Name = "New endpoint" }).ClickAsync();
            await page.GetByLabel("Endpoint URL").FillAsync("ftp://example.com/hook");
            await page.GetByRole(AriaRole.Button, new() { Name = "Create endpoint" }).ClickAsync();
            await Expect(page.Locator("#webhook-url ~ .validation-message")).ToBeVisibleAsync();

            await page.GetByLabel("Endpoint URL").FillAsync(receiver.Url);
            await page.GetByLabel("Description").FillAsync("Journey receiver");
            await page.GetByRole(AriaRole.Button, new() { Name = "Create endpoint" }).ClickAsync();
            var secret = page.GetByTestId("secret-once");
            await Expect(secret).ToContainTextAsync("whsec_");
            await page.GetByRole(AriaRole.Button, new() { Name = "I have copied it" }).ClickAsync();
            await Expect(secret).ToBeHiddenAsync();
            var row = page.GetByTestId("webhook-row").Filter(new() { HasText = receiver.Url });
            await Expect(row).ToContainTextAsync("Enabled");
            await Expect(row).Not.ToContainTextAsync("whsec_" + new string('x', 5));

            await row.GetByRole(AriaRole.Button, new() { Name = "Send test" }).ClickAsync();
            await Expect(page.GetByText("Test delivered: HTTP 200")).ToBeVisibleAsync();
            var received = await receiver.WaitForCountAsync(1);

            // A real event through the outbox: creating a task fans out task.created to the endpoint.
            await page.GetByRole(AriaRole.Link, new() { Name = "Tasks" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "New task" }).ClickAsync();
            await page.GetByRole(AriaRole.Dialog).GetByLabel("Title").FillAsync("Tell the receiver");
            await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Create task" }).ClickAsync();
            await receiver.WaitForAsync(r => r.Any(x => x.Body.Contains("task.created", StringComparison.Ordinal)));

            await page.GetByRole(AriaRole.Link, new() { Name = "Webhooks" }).ClickAsync();
            await page.GetByTestId("webhook-row").GetByRole(AriaRole.Link, new() { Name = "Logs" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Delivery logs" })).ToBeVisibleAsync();
            var deliveries = page.GetByTestId("delivery");
            await Expect(deliveries.Filter(new() { HasText = "task.created" })).ToContainTextAsync("Succeeded");
            var test = deliveries.Filter(new() { HasText = "webhook.test" });
            await Expect(test).ToContainTextAsync("HTTP 200");
            await test.Locator("summary").ClickAsync();
            await Expect(test).ToContainTextAsync("webhook-signature: v1,");
            await Expect(test).ToContainTextAsync(received[0].WebhookId);

            await page.GetByLabel("Status").SelectOptionAsync("Failed");
            await Expect(page.GetByText("No delivery has this status.")).ToBeVisibleAsync();
            await page.GetByLabel("Status").SelectOptionAsync("Succeeded");
            await Expect(deliveries).ToHaveCountAsync(2);
            await deliveries.Filter(new() { HasText = "webhook.test" }).Locator("summary").ClickAsync();
            await Journey.ScreenshotAsync(page, "03-webhooks");
        });
    }
}
