using SkiaSharp;

namespace NovaPulse.Infrastructure.Storage;

/// <summary>An image's EXIF orientation (<see cref="SKEncodedOrigin"/>) applied to decoded pixels, as a viewer shows them.</summary>
public static class ImageOrientation
{
    /// <summary>Orientations 5 to 8: stored on its side, so the shown width is the stored height.</summary>
    public static bool SwapsAxes(SKEncodedOrigin origin) => origin is
        SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;

    /// <summary>The pixels turned upright; null when they already are (orientation 1, or none).</summary>
    public static SKBitmap? Upright(SKBitmap stored, SKEncodedOrigin origin)
    {
        var toUpright = ToUpright(origin, stored.Width, stored.Height);
        if (toUpright.IsIdentity)
        {
            return null;
        }

        var (width, height) = SwapsAxes(origin) ? (stored.Height, stored.Width) : (stored.Width, stored.Height);
        var upright = new SKBitmap(stored.Info.WithSize(width, height));
        using var canvas = new SKCanvas(upright);
        canvas.Clear(SKColors.Transparent);
        canvas.SetMatrix(toUpright);
        using var image = SKImage.FromBitmap(stored);
        // Quarter turns and flips land each pixel on a pixel: nothing to interpolate.
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest));
        return upright;
    }

    /// <summary>Maps stored pixel coordinates to shown ones (Skia's <c>SkEncodedOriginToMatrix</c>) for a w×h stored image.</summary>
    private static SKMatrix ToUpright(SKEncodedOrigin origin, float w, float h) => origin switch
    {
        SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
        SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
        SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
        _ => SKMatrix.Identity,
    };
}
