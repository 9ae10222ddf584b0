using Microsoft.Extensions.Options;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Common.Options;
using SkiaSharp;

namespace NovaPulse.Infrastructure.Storage;

/// <summary>
/// PNG thumbnails that fit a square of <c>Uploads:ThumbnailSize</c> pixels (aspect ratio kept, never upscaled), decoded
/// at thumbnail scale so memory does not grow with the original: JPEG and WebP decode scaled down by the codec; other
/// formats (PNG) decode in strips of at most <see cref="StripBytes"/>, each averaged down into a bitmap about the
/// thumbnail's size. Images declaring more than <c>Uploads:Thumbnails:MaxPixels</c> (decompression bombs: a 50 KB PNG
/// can declare 30000×30000) get their size recorded but no thumbnail, and at most
/// <c>Uploads:Thumbnails:MaxConcurrentDecodes</c> decodes run at once on a host.
/// </summary>
public sealed class SkiaThumbnailGenerator(IOptions<UploadSettings> settings) : IThumbnailGenerator, IDisposable
{
    /// <summary>The most memory one strip of decoded rows takes.</summary>
    public const long StripBytes = 16L * 1024 * 1024;

    private readonly SemaphoreSlim _decodes = new(settings.Value.Thumbnails.MaxConcurrentDecodes);

    public string ContentType => "image/png";

    public async Task<ImageDimensions?> TryCreateAsync(Stream source, Stream destination, CancellationToken cancellationToken)
    {
        // Creating the codec reads the header only.
        using var codec = SKCodec.Create(source);
        if (codec is null)
        {
            return null;
        }

        var size = codec.Info.Size;
        var dimensions = new ImageDimensions(size.Width, size.Height);
        if ((long)size.Width * size.Height > settings.Value.Thumbnails.MaxPixels)
        {
            return dimensions;
        }

        await _decodes.WaitAsync(cancellationToken);
        try
        {
            // CPU-bound and synchronous: off the caller's context (the dashboard's circuit).
            return await Task.Run(() => Write(codec, destination) ? dimensions : null, cancellationToken);
        }
        finally
        {
            _decodes.Release();
        }
    }

    public void Dispose() => _decodes.Dispose();

    private bool Write(SKCodec codec, Stream destination)
    {
        var size = codec.Info.Size;
        var thumbnailSize = ThumbnailSizing.Fit(size, settings.Value.ThumbnailSize);
        var info = new SKImageInfo(size.Width, size.Height, SKImageInfo.PlatformColorType,
            codec.Info.AlphaType == SKAlphaType.Opaque ? SKAlphaType.Opaque : SKAlphaType.Premul);
        using var decoded = DecodeScaled(codec, info, thumbnailSize) ?? DecodeInStrips(codec, info, thumbnailSize) ?? DecodeWhole(codec, info);
        if (decoded is null)
        {
            return false;
        }

        using var thumbnail = decoded.Resize(new SKImageInfo(thumbnailSize.Width, thumbnailSize.Height, info.ColorType, info.AlphaType),
            new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        using var image = SKImage.FromBitmap(thumbnail ?? decoded);
        using var encoded = image.Encode(SKEncodedImageFormat.Png, 90);
        encoded.SaveTo(destination);
        return true;
    }

    /// <summary>Codecs that scale while decoding (JPEG by eighths, WebP freely); null for those that cannot.</summary>
    private static SKBitmap? DecodeScaled(SKCodec codec, SKImageInfo info, SKSizeI thumbnailSize)
    {
        var scaled = codec.GetScaledDimensions(ThumbnailSizing.DecodeScale(info.Size, thumbnailSize));
        if (scaled.Width >= info.Width && scaled.Height >= info.Height)
        {
            return null;
        }

        var bitmap = new SKBitmap(info.WithSize(scaled));
        return Decoded(codec.GetPixels(bitmap.Info, bitmap.GetPixels()), bitmap);
    }

    /// <summary>
    /// Decodes a few rows at a time (incremental decode of a row subset) and averages each block of
    /// <see cref="ThumbnailSizing.SampleSize"/>² pixels into one; null when the codec cannot decode row subsets (GIF).
    /// </summary>
    private static SKBitmap? DecodeInStrips(SKCodec codec, SKImageInfo info, SKSizeI thumbnailSize)
    {
        var sample = ThumbnailSizing.SampleSize(info.Size, thumbnailSize);
        var sampled = ThumbnailSizing.Sampled(info.Size, sample);
        var stripRows = ThumbnailSizing.StripRows(info.Width, sample, StripBytes);
        var usedRows = sampled.Height * sample;
        using var strip = new SKBitmap(info.WithSize(info.Width, Math.Min(stripRows, usedRows)));
        var output = new SKBitmap(info.WithSize(sampled));
        output.Erase(SKColors.Transparent);
        var sums = new ulong[sampled.Width * 4];
        for (var top = 0; top < usedRows; top += stripRows)
        {
            var bottom = Math.Min(usedRows, top + stripRows);
            var options = new SKCodecOptions(new SKRectI(0, top, info.Width, bottom));
            strip.Erase(SKColors.Transparent);
            if (codec.StartIncrementalDecode(info, strip.GetPixels(), strip.RowBytes, options) != SKCodecResult.Success)
            {
                if (top == 0)
                {
                    output.Dispose();
                    return null;
                }

                break;
            }

            var result = codec.IncrementalDecode();
            AverageInto(strip, bottom - top, sample, output, top / sample, sums);
            if (result != SKCodecResult.Success)
            {
                break; // truncated or corrupt: keep what was decoded, as a whole-image decode would
            }
        }

        return output;
    }

    /// <summary>Formats that neither scale nor decode in strips: the whole image (within the pixel cap).</summary>
    private static SKBitmap? DecodeWhole(SKCodec codec, SKImageInfo info)
    {
        var bitmap = new SKBitmap(info);
        return Decoded(codec.GetPixels(bitmap.Info, bitmap.GetPixels()), bitmap);
    }

    private static SKBitmap? Decoded(SKCodecResult result, SKBitmap bitmap)
    {
        if (result is SKCodecResult.Success or SKCodecResult.IncompleteInput)
        {
            return bitmap;
        }

        bitmap.Dispose();
        return null;
    }

    /// <summary>Box filter: each output pixel is the mean of its <paramref name="sample"/>² source pixels (premultiplied, 4 bytes).</summary>
    private static void AverageInto(SKBitmap strip, int rows, int sample, SKBitmap output, int firstOutputRow, ulong[] sums)
    {
        var source = strip.GetPixelSpan();
        var target = output.GetPixelSpan();
        var count = (ulong)sample * (ulong)sample;
        var width = sums.Length / 4;
        for (var block = 0; block < rows / sample; block++)
        {
            Array.Clear(sums);
            for (var y = block * sample; y < (block + 1) * sample; y++)
            {
                var row = source.Slice(y * strip.RowBytes, width * sample * 4);
                for (var i = 0; i < width; i++)
                {
                    var pixels = row.Slice(i * sample * 4, sample * 4);
                    ulong c0 = 0, c1 = 0, c2 = 0, c3 = 0;
                    for (var p = 0; p < pixels.Length; p += 4)
                    {
                        c0 += pixels[p];
                        c1 += pixels[p + 1];
                        c2 += pixels[p + 2];
                        c3 += pixels[p + 3];
                    }

                    sums[i * 4] += c0;
                    sums[(i * 4) + 1] += c1;
                    sums[(i * 4) + 2] += c2;
                    sums[(i * 4) + 3] += c3;
                }
            }

            var outputRow = target.Slice((firstOutputRow + block) * output.RowBytes, width * 4);
            for (var i = 0; i < outputRow.Length; i++)
            {
                outputRow[i] = (byte)((sums[i] + (count / 2)) / count);
            }
        }
    }
}
