using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NovaPulse.Dashboard.E2ETests;

[Collection(BrowserCollection.Name)]
public sealed class TaskJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Signing_up_lands_on_the_empty_task_list_and_a_created_task_appears_in_it()
    {
        var page = await browser.NewPageAsync();
        await Journey.SignUpAsync(page, "Acme Journeys");
        await Journey.RunAsync(page, "01-tasks", async () =>
        {

            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tasks" })).ToBeVisibleAsync();
            await Expect(page.GetByText("No tasks yet.")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("signed-in-as")).ToContainTextAsync("Acme Journeys");

            await page.GetByRole(AriaRole.Button, new() { Name = "New task" }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "New task" });
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Create task" }).ClickAsync();
            await Expect(dialog.GetByText("'Title' must not be empty.")).ToBeVisibleAsync();

            await dialog.GetByLabel("Title").FillAsync("Write the launch post");
            await dialog.GetByLabel("Priority").SelectOptionAsync("High");
            await dialog.GetByLabel("Assignee").SelectOptionAsync(new SelectOptionValue { Label = "Olivia Owner" });
            await dialog.GetByLabel("Due date").FillAsync("2030-05-17");
            await dialog.GetByLabel("Tags").FillAsync("launch, blog");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Create task" }).ClickAsync();

            var row = page.GetByTestId("task-row").Filter(new() { HasText = "Write the launch post" });
            await Expect(row).ToContainTextAsync("Olivia Owner");
            await Expect(row).ToContainTextAsync("2030-05-17");
            await Expect(row).ToContainTextAsync("launch");

            await row.GetByLabel("Status of Write the launch post").SelectOptionAsync("InProgress");
            await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "is now In progress" })).ToBeVisibleAsync();

            await page.GetByLabel("Search").FillAsync("no such task");
            await Expect(page.GetByText("No task matches these filters.")).ToBeVisibleAsync();
            await page.GetByLabel("Search").FillAsync("launch");
            await Expect(row).ToBeVisibleAsync();
            await Journey.ScreenshotAsync(page, "01-tasks");
        });
    }
}
