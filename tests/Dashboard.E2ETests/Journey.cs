using Microsoft.Playwright;

namespace NovaPulse.Dashboard.E2ETests;

/// <summary>Steps every journey shares: signing up a fresh company and saving a screenshot of where it got to.</summary>
public static class Journey
{
    public const string Password = "Journey-passw0rd";

    /// <summary>Signs up a new company through the form; returns the owner's email.</summary>
    public static async Task<string> SignUpAsync(IPage page, string company)
    {
        var email = $"owner-{Guid.NewGuid():N}@example.com";
        await page.GotoAsync("account/register");
        await page.GetByLabel("Company name").FillAsync(company);
        await page.GetByLabel("Your name").FillAsync("Olivia Owner");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create company" }).ClickAsync();
        await page.WaitForURLAsync("**/dashboard/tasks");
        return email;
    }

    /// <summary>Runs a journey's steps; a failing journey still leaves a screenshot of where it stopped.</summary>
    public static async Task RunAsync(IPage page, string name, Func<Task> steps)
    {
        try
        {
            await steps();
        }
        catch
        {
            await ScreenshotAsync(page, name + "-failed");
            throw;
        }
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, name + ".png"), FullPage = true });
}
