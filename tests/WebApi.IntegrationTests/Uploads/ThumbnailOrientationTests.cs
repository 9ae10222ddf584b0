using System.Net;
using NovaPulse.WebApi.IntegrationTests.Infrastructure;
using SkiaSharp;

namespace NovaPulse.WebApi.IntegrationTests;

/// <summary>A photo stored sideways with an EXIF orientation gets the dimensions and thumbnail a browser shows for it.</summary>
public sealed class ThumbnailOrientationTests(UploadsFactory factory) : IClassFixture<UploadsFactory>
{
    [Theory]
    [InlineData(6, "red", "blue")] // stored on its side: shown turned 90° clockwise, the stored left half on top
    [InlineData(8, "blue", "red")] // turned 90° counter-clockwise: the stored left half at the bottom
    public async Task A_sideways_photo_is_reported_and_thumbnailed_upright(ushort orientation, string top, string bottom)
    {
        var tenant = await factory.RegisterAsync();
        var jpeg = Uploads.OrientedJpeg(400, 200, orientation);

        var response = await tenant.Owner.UploadAsync(jpeg, "phone.jpg", "image/jpeg");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var upload = await response.ReadJsonAsync();
        Assert.Equal((200, 400), (upload["width"]!.GetValue<int>(), upload["height"]!.GetValue<int>()));
        using var thumbnail = SKBitmap.Decode(await tenant.Owner.GetByteArrayAsync($"/api/v1/uploads/{upload["id"]}/content?variant=thumbnail"));
        Assert.Equal((128, 256), (thumbnail.Width, thumbnail.Height));
        Assert.Equal(top, ColourName(thumbnail.GetPixel(64, 20)));
        Assert.Equal(bottom, ColourName(thumbnail.GetPixel(64, 236)));
    }

    [Fact]
    public async Task A_photo_without_a_turn_stays_as_stored()
    {
        var tenant = await factory.RegisterAsync();

        var upload = await (await tenant.Owner.UploadAsync(Uploads.OrientedJpeg(400, 200, 1), "flat.jpg", "image/jpeg")).ReadJsonAsync();

        Assert.Equal((400, 200), (upload["width"]!.GetValue<int>(), upload["height"]!.GetValue<int>()));
        using var thumbnail = SKBitmap.Decode(await tenant.Owner.GetByteArrayAsync($"/api/v1/uploads/{upload["id"]}/content?variant=thumbnail"));
        Assert.Equal((256, 128), (thumbnail.Width, thumbnail.Height));
        Assert.Equal("red", ColourName(thumbnail.GetPixel(20, 64)));
        Assert.Equal("blue", ColourName(thumbnail.GetPixel(236, 64)));
    }

    private static string ColourName(SKColor pixel) =>
        pixel.Red > 200 && pixel.Blue < 60 ? "red" : pixel.Blue > 200 && pixel.Red < 60 ? "blue" : $"{pixel}";
}
