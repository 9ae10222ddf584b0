using Microsoft.Playwright;
using SkiaSharp;
using static Microsoft.Playwright.Assertions;

namespace NovaPulse.Dashboard.E2ETests;

[Collection(BrowserCollection.Name)]
public sealed class MediaLibraryJourneyTests(BrowserFixture browser)
{
    private static byte[] Png(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.OrangeRed);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    [Fact]
    public async Task An_uploaded_image_shows_its_thumbnail_and_can_be_renamed_made_public_and_deleted()
    {
        var page = await browser.NewPageAsync();
        await Journey.SignUpAsync(page, "Media Journeys");
        await Journey.RunAsync(page, "02-media-library", async () =>
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "Media library" }).ClickAsync();
            await Expect(page.GetByText("No files yet.")).ToBeVisibleAsync();
            await Expect(page.GetByText("Storage used: 0 B of")).ToBeVisibleAsync();

            await page.GetByLabel("Folder for new files").FillAsync("launch");
            await page.GetByLabel("Choose files to upload").SetInputFilesAsync(
                new FilePayload { Name = "sunset.png", MimeType = "image/png", Buffer = Png(640, 360) });

            var progress = page.GetByTestId("upload-progress").Filter(new() { HasText = "sunset.png" });
            await Expect(progress.GetByRole(AriaRole.Status)).ToHaveTextAsync("Done");
            var thumbnail = page.GetByTestId("thumbnail").And(page.GetByAltText("sunset.png"));
            await Expect(thumbnail).ToBeVisibleAsync();
            await page.WaitForFunctionAsync("() => [...document.querySelectorAll('img[data-testid=thumbnail]')].every(i => i.complete && i.naturalWidth > 0)");
            await Expect(page.GetByText("Storage used: 0 B of")).ToBeHiddenAsync();

            await thumbnail.ClickAsync();
            var details = page.GetByRole(AriaRole.Complementary);
            await Expect(details.GetByRole(AriaRole.Heading, new() { Name = "sunset.png" })).ToBeVisibleAsync();
            await Expect(details).ToContainTextAsync("640 × 360");
            await Expect(details.GetByLabel("Folder")).ToHaveValueAsync("launch");
            await details.GetByLabel("Name").FillAsync("");
            await details.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await Expect(details.Locator(".validation-message")).ToBeVisibleAsync();
            await details.GetByLabel("Name").FillAsync("hero.png");
            await details.GetByLabel("Tags").FillAsync("hero, launch");
            await details.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await Expect(details.GetByRole(AriaRole.Heading, new() { Name = "hero.png" })).ToBeVisibleAsync();

            await details.GetByRole(AriaRole.Button, new() { Name = "Make public" }).ClickAsync();
            await Expect(details.GetByLabel("Public URL")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("/api/v1/uploads/.+/content$"));

            await page.GetByRole(AriaRole.Group, new() { Name = "View" }).GetByRole(AriaRole.Button, new() { Name = "List" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Files" })).ToContainTextAsync("hero, launch");
            await page.GetByLabel("Tag", new() { Exact = true }).FillAsync("nope");
            await page.GetByLabel("Tag", new() { Exact = true }).PressAsync("Tab");
            await Expect(page.GetByText("No file matches these filters.")).ToBeVisibleAsync();
            await page.GetByLabel("Tag", new() { Exact = true }).FillAsync("hero");
            await page.GetByLabel("Tag", new() { Exact = true }).PressAsync("Tab");
            await page.GetByRole(AriaRole.Group, new() { Name = "View" }).GetByRole(AriaRole.Button, new() { Name = "Gallery" }).ClickAsync();
            await page.GetByTestId("thumbnail").And(page.GetByAltText("hero.png")).ClickAsync();
            await Expect(details.GetByRole(AriaRole.Heading, new() { Name = "hero.png" })).ToBeVisibleAsync();
            await Journey.ScreenshotAsync(page, "02-media-library");

            await details.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
            await details.GetByRole(AriaRole.Button, new() { Name = "Delete file" }).ClickAsync();
            await Expect(page.GetByText("No file matches these filters.")).ToBeVisibleAsync();
        });
    }
}
