using Microsoft.Extensions.Options;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Common.Options;
using SkiaSharp;

namespace NovaPulse.Infrastructure.Storage;

/// <summary>
/// PNG thumbnails that fit a square of <c>Uploads:ThumbnailSize</c> pixels (aspect ratio kept, never upscaled). Images
/// above <see cref="MaxPixels"/> (decompression bombs: a small PNG can declare 30000×30000) get their size recorded but
/// no thumbnail, since decoding them would need gigabytes.
/// </summary>
public sealed class SkiaThumbnailGenerator(IOptions<UploadSettings> settings) : IThumbnailGenerator
{
    public const long MaxPixels = 40_000_000;

    public string ContentType => "image/png";

    public async Task<ImageDimensions?> TryCreateAsync(Stream source, Stream destination, CancellationToken cancellationToken)
    {
        await Task.Yield();
        using var codec = SKCodec.Create(source);
        if (codec is null)
        {
            return null;
        }

        var info = codec.Info;
        if ((long)info.Width * info.Height > MaxPixels)
        {
            return new ImageDimensions(info.Width, info.Height);
        }

        using var original = SKBitmap.Decode(codec);
        if (original is null)
        {
            return null;
        }

        var box = settings.Value.ThumbnailSize;
        var scale = Math.Min(1.0, Math.Min((double)box / info.Width, (double)box / info.Height));
        var width = Math.Max(1, (int)Math.Round(info.Width * scale));
        var height = Math.Max(1, (int)Math.Round(info.Height * scale));
        using var resized = original.Resize(new SKImageInfo(width, height), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        using var image = SKImage.FromBitmap(resized ?? original);
        using var encoded = image.Encode(SKEncodedImageFormat.Png, 90);
        encoded.SaveTo(destination);
        return new ImageDimensions(info.Width, info.Height);
    }
}
