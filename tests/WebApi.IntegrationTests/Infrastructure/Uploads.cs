using System.Buffers.Binary;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using NovaPulse.Application.Uploads.Cleanup;
using SkiaSharp;

namespace NovaPulse.WebApi.IntegrationTests.Infrastructure;

/// <summary>Test files and multipart requests for the uploads API.</summary>
public static class Uploads
{
    public static byte[] Png(int width = 600, int height = 300)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.CornflowerBlue);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>
    /// A JPEG stored <paramref name="width"/>×<paramref name="height"/>, red on its left half and blue on its right, with an
    /// EXIF orientation (6: stored on its side, shown turned 90° clockwise, so the red half is shown on top), as phones write.
    /// </summary>
    public static byte[] OrientedJpeg(int width, int height, ushort orientation)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Blue);
            using var red = new SKPaint { Color = SKColors.Red };
            canvas.DrawRect(0, 0, width / 2f, height, red);
        }

        using var image = SKImage.FromBitmap(bitmap);
        var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, 95).ToArray();
        // APP1 "Exif": a big-endian TIFF header and one IFD entry, Orientation (0x0112), SHORT, count 1.
        byte[] tiff = [(byte)'M', (byte)'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, (byte)(orientation >> 8), (byte)orientation, 0, 0, 0, 0, 0, 0];
        byte[] app1 = [0xFF, 0xE1, 0, (byte)(2 + 6 + tiff.Length), .. "Exif\0\0"u8, .. tiff];
        return [.. jpeg.AsSpan(0, 2), .. app1, .. jpeg.AsSpan(2)];
    }

    /// <summary>
    /// A grayscale PNG of horizontal bands (black at the top, light gray at the bottom) that compresses about 1000:1: a
    /// few tens of KB declaring <paramref name="width"/>×<paramref name="height"/> pixels, the shape of a decompression bomb.
    /// </summary>
    public static byte[] BandedPng(int width, int height)
    {
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth; colour type 0 (gray), no interlace
        WriteChunk(png, "IHDR", header);
        using var pixels = new MemoryStream();
        using (var zlib = new ZLibStream(pixels, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var row = new byte[width + 1]; // filter byte 0, then one byte per pixel
            for (var y = 0; y < height; y++)
            {
                row.AsSpan(1).Fill((byte)(y * 12 / height * 20));
                zlib.Write(row);
            }
        }

        WriteChunk(png, "IDAT", pixels.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    public static byte[] Pdf(int size = 2048) =>
        [.. "%PDF-1.7\n"u8, .. Enumerable.Repeat((byte)'x', size - 9)];

    public static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>A Windows executable header: what a "photo.png" from an attacker might really be.</summary>
    public static byte[] Executable() => [.. "MZ"u8, 0x90, 0x00, 0x03, .. new byte[512]];

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        png.Write(word);
        byte[] typed = [.. Encoding.ASCII.GetBytes(type), .. data];
        png.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32(typed));
        png.Write(word);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }

    /// <summary>POST /uploads with the form fields first and the file last, as the API expects.</summary>
    public static Task<HttpResponseMessage> UploadAsync(
        this HttpClient client, byte[]? content, string fileName = "file.bin", string? contentType = null, object? fields = null)
    {
        var form = new MultipartFormDataContent();
        if (fields is not null)
        {
            foreach (var property in fields.GetType().GetProperties())
            {
                var value = property.GetValue(fields);
                if (value is IEnumerable<string> many)
                {
                    foreach (var item in many)
                    {
                        form.Add(new StringContent(item), property.Name);
                    }
                }
                else if (value is not null)
                {
                    form.Add(new StringContent(value is bool b ? (b ? "true" : "false") : value.ToString()!), property.Name);
                }
            }
        }

        if (content is not null)
        {
            var file = new ByteArrayContent(content);
            if (contentType is not null)
            {
                file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            }

            form.Add(file, "file", fileName);
        }

        return client.PostAsync("/api/v1/uploads", form);
    }

    /// <summary>One cleanup pass, as the hosted worker would run it.</summary>
    public static async Task<CleanupResult> RunUploadCleanupAsync(this NovaPulseFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<UploadCleanup>().RunOnceAsync(CancellationToken.None);
    }

    public static string UploadsFolder(this NovaPulseFactory factory) => Path.Combine(factory.DataDirectory, "uploads");
}
