using Microsoft.Extensions.Options;
using NovaPulse.Application.Common.Options;
using NovaPulse.Infrastructure.Storage;
using SkiaSharp;

namespace NovaPulse.WebApi.IntegrationTests.Storage;

/// <summary>The sizes a thumbnail decode picks, and that each decode path (codec scaling, strips, whole image) draws the image.</summary>
public sealed class ThumbnailSizingTests
{
    [Theory]
    [InlineData(6000, 6000, 256, 256, 23, 260, 260)] // the decompression-bomb shape: 23×23 blocks averaged into one pixel
    [InlineData(600, 300, 256, 128, 2, 300, 150)]
    [InlineData(4000, 3000, 256, 192, 15, 266, 200)]
    [InlineData(100, 50, 100, 50, 1, 100, 50)] // never upscaled, decoded as it is
    [InlineData(20000, 300, 256, 4, 75, 266, 4)]
    public void The_sample_size_leaves_at_least_the_thumbnails_pixels_both_ways(
        int width, int height, int thumbWidth, int thumbHeight, int sample, int sampledWidth, int sampledHeight)
    {
        var original = new SKSizeI(width, height);

        var thumbnail = ThumbnailSizing.Fit(original, 256);

        Assert.Equal(new SKSizeI(thumbWidth, thumbHeight), thumbnail);
        Assert.Equal(sample, ThumbnailSizing.SampleSize(original, thumbnail));
        Assert.Equal(new SKSizeI(sampledWidth, sampledHeight), ThumbnailSizing.Sampled(original, sample));
    }

    [Fact]
    public void A_codec_is_asked_for_the_smallest_scale_that_still_covers_the_thumbnail()
    {
        Assert.Equal(0.064f, ThumbnailSizing.DecodeScale(new SKSizeI(4000, 3000), new SKSizeI(256, 192)), 3);
        Assert.Equal(1f, ThumbnailSizing.DecodeScale(new SKSizeI(100, 50), new SKSizeI(100, 50)));
    }

    [Theory]
    [InlineData(6000, 23, 345)] // 8 MiB / 24000 bytes a row = 349 rows, down to 15 blocks of 23
    [InlineData(256, 1, 8192)]
    [InlineData(5_000_000, 3, 3)] // a row over the budget: one block of rows still
    public void Strips_are_whole_blocks_of_sampled_rows_within_the_budget(int width, int sample, int rows) =>
        Assert.Equal(rows, ThumbnailSizing.StripRows(width, sample, SkiaThumbnailGenerator.StripBytes));

    [Theory]
    [InlineData(SKEncodedImageFormat.Png)] // strips averaged down
    [InlineData(SKEncodedImageFormat.Jpeg)] // the codec scales by eighths
    [InlineData(SKEncodedImageFormat.Webp)] // the codec scales freely
    public async Task Every_decode_path_draws_the_image(SKEncodedImageFormat format)
    {
        using var generator = new SkiaThumbnailGenerator(Options.Create(new UploadSettings()));
        using var original = new MemoryStream(TwoTone(1200, 900, format));
        using var thumbnail = new MemoryStream();

        var dimensions = await generator.TryCreateAsync(original, thumbnail, CancellationToken.None);

        Assert.Equal(new(1200, 900), dimensions);
        using var decoded = SKBitmap.Decode(thumbnail.ToArray());
        Assert.Equal((256, 192), (decoded.Width, decoded.Height));
        AssertNear(SKColors.Red, decoded.GetPixel(10, 96));
        AssertNear(SKColors.Blue, decoded.GetPixel(245, 96));
    }

    [Fact]
    public async Task A_gif_which_decodes_only_whole_gets_a_thumbnail_too()
    {
        using var generator = new SkiaThumbnailGenerator(Options.Create(new UploadSettings()));
        // 1×1 white GIF89a.
        using var original = new MemoryStream(Convert.FromBase64String("R0lGODlhAQABAIAAAP///wAAACwAAAAAAQABAAACAkQBADs="));
        using var thumbnail = new MemoryStream();

        Assert.Equal(new(1, 1), await generator.TryCreateAsync(original, thumbnail, CancellationToken.None));
        using var decoded = SKBitmap.Decode(thumbnail.ToArray());
        AssertNear(SKColors.White, decoded.GetPixel(0, 0));
    }

    private static byte[] TwoTone(int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Red);
            using var blue = new SKPaint { Color = SKColors.Blue };
            canvas.DrawRect(width / 2, 0, width / 2, height, blue);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }

    private static void AssertNear(SKColor expected, SKColor actual)
    {
        Assert.InRange(actual.Red, expected.Red - 12, expected.Red + 12);
        Assert.InRange(actual.Green, expected.Green - 12, expected.Green + 12);
        Assert.InRange(actual.Blue, expected.Blue - 12, expected.Blue + 12);
    }
}
