using System.Buffers;
using System.Numerics;
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
/// <c>Uploads:Thumbnails:MaxConcurrentDecodes</c> decodes run at once on a host. Thumbnails and dimensions follow the
/// image's EXIF orientation, as browsers show it.
/// </summary>
public sealed class SkiaThumbnailGenerator(IOptions<UploadSettings> settings) : IThumbnailGenerator, IDisposable
{
    /// <summary>The most memory one strip of decoded rows takes.</summary>
    public const long StripBytes = 8L * 1024 * 1024;

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
        // As shown, not as stored: a phone photo's pixels are often stored sideways with an EXIF orientation to turn them.
        var dimensions = ImageOrientation.SwapsAxes(codec.EncodedOrigin)
            ? new ImageDimensions(size.Height, size.Width)
            : new ImageDimensions(size.Width, size.Height);
        var thumbnailSize = ThumbnailSizing.Fit(size, settings.Value.ThumbnailSize);
        var scaled = codec.GetScaledDimensions(ThumbnailSizing.DecodeScale(size, thumbnailSize));
        var scalesItself = scaled.Width < size.Width || scaled.Height < size.Height;
        if ((long)size.Width * size.Height > settings.Value.Thumbnails.MaxPixels
            || (!scalesItself && !ThumbnailSizing.FitsStrips(size, thumbnailSize, StripBytes)))
        {
            return dimensions;
        }

        await _decodes.WaitAsync(cancellationToken);
        try
        {
            // CPU-bound and synchronous: off the caller's context (the dashboard's circuit).
            return await Task.Run(() => Write(codec, scalesItself ? scaled : null, thumbnailSize, destination) ? dimensions : null, cancellationToken);
        }
        finally
        {
            _decodes.Release();
        }
    }

    public void Dispose() => _decodes.Dispose();

    private static bool Write(SKCodec codec, SKSizeI? scaled, SKSizeI thumbnailSize, Stream destination)
    {
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKImageInfo.PlatformColorType,
            codec.Info.AlphaType == SKAlphaType.Opaque ? SKAlphaType.Opaque : SKAlphaType.Premul);
        using var decoded = scaled is { } size
            ? Decoded(codec, info.WithSize(size))
            : DecodeInStrips(codec, info, thumbnailSize) ?? Decoded(codec, info);
        if (decoded is null)
        {
            return false;
        }

        using var thumbnail = decoded.Resize(info.WithSize(thumbnailSize), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        using var upright = ImageOrientation.Upright(thumbnail ?? decoded, codec.EncodedOrigin);
        using var image = SKImage.FromBitmap(upright ?? thumbnail ?? decoded);
        using var encoded = image.Encode(SKEncodedImageFormat.Png, 90);
        encoded.SaveTo(destination);
        return true;
    }

    /// <summary>
    /// Decodes a strip of rows at a time (incremental decode of a row subset) and averages each block of
    /// <see cref="ThumbnailSizing.SampleSize"/>² pixels into one; null when the codec cannot decode row subsets (GIF).
    /// </summary>
    private static unsafe SKBitmap? DecodeInStrips(SKCodec codec, SKImageInfo info, SKSizeI thumbnailSize)
    {
        var sample = ThumbnailSizing.SampleSize(info.Size, thumbnailSize);
        var sampled = ThumbnailSizing.Sampled(info.Size, sample);
        var usedRows = sampled.Height * sample;
        var stripRows = Math.Min(ThumbnailSizing.StripRows(info.Width, sample, StripBytes), usedRows);
        // Pooled: a strip allocated per decode (native or large-object heap) lingers in the process after a burst.
        var strip = ArrayPool<byte>.Shared.Rent(stripRows * info.RowBytes);
        var columns = ArrayPool<uint>.Shared.Rent(sampled.Width * sample * 4);
        var output = new SKBitmap(info.WithSize(sampled));
        try
        {
            output.Erase(SKColors.Transparent);
            using var pinned = strip.AsMemory().Pin();
            for (var top = 0; top < usedRows; top += stripRows)
            {
                var bottom = Math.Min(usedRows, top + stripRows);
                strip.AsSpan(0, (bottom - top) * info.RowBytes).Clear(); // rows a truncated image leaves undecoded stay transparent
                var options = new SKCodecOptions(new SKRectI(0, top, info.Width, bottom));
                if (codec.StartIncrementalDecode(info, (IntPtr)pinned.Pointer, info.RowBytes, options) != SKCodecResult.Success)
                {
                    if (top > 0)
                    {
                        break;
                    }

                    output.Dispose();
                    return null;
                }

                var result = codec.IncrementalDecode();
                AverageInto(strip.AsSpan(0, (bottom - top) * info.RowBytes), info.RowBytes, sample, columns.AsSpan(0, sampled.Width * sample * 4), output, top / sample);
                if (result != SKCodecResult.Success)
                {
                    break; // truncated or corrupt: keep what was decoded, as a whole-image decode would
                }
            }

            return output;
        }
        catch
        {
            output.Dispose();
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(strip);
            ArrayPool<uint>.Shared.Return(columns);
        }
    }

    /// <summary>The image at <paramref name="info"/>'s size: scaled by the codec (JPEG by eighths, WebP freely), or whole (GIF).</summary>
    private static SKBitmap? Decoded(SKCodec codec, SKImageInfo info)
    {
        var bitmap = new SKBitmap(info);
        if (codec.GetPixels(bitmap.Info, bitmap.GetPixels()) is SKCodecResult.Success or SKCodecResult.IncompleteInput)
        {
            return bitmap;
        }

        bitmap.Dispose();
        return null;
    }

    /// <summary>
    /// Box filter: each output pixel is the mean of its <paramref name="sample"/>² source pixels (4 bytes each,
    /// premultiplied). Rows are first summed per byte into <paramref name="columns"/> (vectorised), then across each block.
    /// </summary>
    private static void AverageInto(ReadOnlySpan<byte> strip, int rowBytes, int sample, Span<uint> columns, SKBitmap output, int firstOutputRow)
    {
        var target = output.GetPixelSpan();
        var count = (uint)(sample * sample);
        for (var block = 0; block < strip.Length / rowBytes / sample; block++)
        {
            columns.Clear();
            for (var y = block * sample; y < (block + 1) * sample; y++)
            {
                AddWidened(strip.Slice(y * rowBytes, columns.Length), columns);
            }

            var outputRow = target.Slice((firstOutputRow + block) * output.RowBytes, columns.Length / sample);
            for (var i = 0; i < outputRow.Length; i++)
            {
                var (pixel, channel) = Math.DivRem(i, 4);
                var sum = 0u;
                for (var x = pixel * sample; x < (pixel + 1) * sample; x++)
                {
                    sum += columns[(x * 4) + channel];
                }

                outputRow[i] = (byte)((sum + (count / 2)) / count);
            }
        }
    }

    private static void AddWidened(ReadOnlySpan<byte> row, Span<uint> sums)
    {
        var i = 0;
        var lanes = Vector<uint>.Count;
        for (; i <= row.Length - Vector<byte>.Count; i += Vector<byte>.Count)
        {
            Vector.Widen(new Vector<byte>(row[i..]), out var low, out var high);
            Vector.Widen(low, out var a, out var b);
            Vector.Widen(high, out var c, out var d);
            (new Vector<uint>(sums[i..]) + a).CopyTo(sums[i..]);
            (new Vector<uint>(sums[(i + lanes)..]) + b).CopyTo(sums[(i + lanes)..]);
            (new Vector<uint>(sums[(i + (2 * lanes))..]) + c).CopyTo(sums[(i + (2 * lanes))..]);
            (new Vector<uint>(sums[(i + (3 * lanes))..]) + d).CopyTo(sums[(i + (3 * lanes))..]);
        }

        for (; i < row.Length; i++)
        {
            sums[i] += row[i];
        }
    }
}
