using SkiaSharp;

namespace NovaPulse.Infrastructure.Storage;

/// <summary>The sizes a thumbnail decode works with (pure arithmetic, so it is testable without images).</summary>
public static class ThumbnailSizing
{
    /// <summary>The thumbnail: fits a <paramref name="box"/>-pixel square, aspect ratio kept, never upscaled.</summary>
    public static SKSizeI Fit(SKSizeI original, int box)
    {
        var scale = Math.Min(1.0, Math.Min((double)box / original.Width, (double)box / original.Height));
        return new SKSizeI(Math.Max(1, (int)Math.Round(original.Width * scale)), Math.Max(1, (int)Math.Round(original.Height * scale)));
    }

    /// <summary>The scale to ask the codec for (<c>GetScaledDimensions</c>): the smallest that still covers the thumbnail both ways.</summary>
    public static float DecodeScale(SKSizeI original, SKSizeI thumbnail) =>
        Math.Min(1f, Math.Max((float)thumbnail.Width / original.Width, (float)thumbnail.Height / original.Height));

    /// <summary>The largest whole step between sampled pixels that still leaves at least the thumbnail's size both ways.</summary>
    public static int SampleSize(SKSizeI original, SKSizeI thumbnail) =>
        Math.Max(1, Math.Min(original.Width / thumbnail.Width, original.Height / thumbnail.Height));

    /// <summary>What a decode with <paramref name="sampleSize"/> yields (the last partial block of rows and columns is dropped).</summary>
    public static SKSizeI Sampled(SKSizeI original, int sampleSize) =>
        new(original.Width / sampleSize, original.Height / sampleSize);

    /// <summary>
    /// Whether one block of <see cref="SampleSize"/> rows fits <paramref name="stripBytes"/> (4-byte pixels); not for
    /// extreme aspect ratios (100000×250), which would need the whole image in memory at once.
    /// </summary>
    public static bool FitsStrips(SKSizeI original, SKSizeI thumbnail, long stripBytes) =>
        (long)SampleSize(original, thumbnail) * original.Width * 4 <= stripBytes;

    /// <summary>Rows decoded at a time: as many 4-byte pixels as fit <paramref name="stripBytes"/>, in whole blocks of samples.</summary>
    public static int StripRows(int width, int sampleSize, long stripBytes)
    {
        var rows = (int)Math.Min(int.MaxValue, stripBytes / (4L * width));
        return Math.Max(sampleSize, rows / sampleSize * sampleSize);
    }
}
