using System.Diagnostics;
using System.Net;
using NovaPulse.WebApi.IntegrationTests.Infrastructure;
using SkiaSharp;
using Xunit.Abstractions;

namespace NovaPulse.WebApi.IntegrationTests;

/// <summary>A host whose pixel cap admits a 6000×6000 image (36 MP), so it is decoded; two decodes at a time.</summary>
public sealed class ThumbnailDecodeFactory : NovaPulseFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Uploads:Thumbnails:MaxPixels"] = "40000000",
        ["Uploads:Thumbnails:MaxConcurrentDecodes"] = "2",
        ["Workers:Enabled"] = "false",
    };
}

/// <summary>Thumbnails of huge images are decoded at thumbnail scale: memory stays flat however many pixels arrive.</summary>
public sealed class ThumbnailDecodeTests(ThumbnailDecodeFactory factory, ITestOutputHelper output) : IClassFixture<ThumbnailDecodeFactory>
{
    /// <summary>
    /// Below what one full decode of a 6000×6000 image takes by itself (144 MB, 4 bytes a pixel); twenty at once grew the
    /// process by 270 MB before. At thumbnail scale a decode needs one 8 MB strip and a bitmap of about the thumbnail's
    /// size (measured: 60 to 75 MB of growth, most of it the requests themselves); the rest is headroom for test classes
    /// running alongside.
    /// </summary>
    private const long MaxGrowthBytes = 140L * 1024 * 1024;

    [Fact]
    public async Task Twenty_concurrent_uploads_of_a_small_png_declaring_6000x6000_all_get_thumbnails_within_bounded_memory()
    {
        var tenant = await factory.RegisterAsync();
        var png = Uploads.BandedPng(6000, 6000);
        Assert.InRange(png.Length, 10_000, 100_000);
        // Warm up (JIT, Skia, connection pools) so the measurement sees the decodes only.
        Assert.Equal(HttpStatusCode.Created, (await tenant.Owner.UploadAsync(png, "warm-up.png", "image/png")).StatusCode);
        GC.Collect();
        GC.WaitForPendingFinalizers();

        using var peak = PeakWorkingSet.Start();
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => tenant.Owner.UploadAsync(png, $"bands-{i}.png", "image/png")));
        var growth = peak.Stop();

        output.WriteLine($"thumbnails: 20 concurrent 6000x6000 PNG uploads ({png.Length} bytes each), working set grew {growth / (1024 * 1024)} MB at peak");
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.True(growth < MaxGrowthBytes, $"The working set grew {growth / (1024 * 1024)} MB (bound {MaxGrowthBytes / (1024 * 1024)} MB).");
        foreach (var response in responses)
        {
            var upload = await response.ReadJsonAsync();
            Assert.Equal(6000, upload["width"]!.GetValue<int>());
            Assert.Equal(6000, upload["height"]!.GetValue<int>());
            using var thumbnail = SKBitmap.Decode(await tenant.Owner.GetByteArrayAsync($"/api/v1/uploads/{upload["id"]}/content?variant=thumbnail"));
            Assert.Equal((256, 256), (thumbnail.Width, thumbnail.Height));
            Assert.InRange(thumbnail.GetPixel(128, 2).Red, 0, 10); // the black band at the top
            Assert.InRange(thumbnail.GetPixel(128, 253).Red, 210, 230); // the light gray band at the bottom
        }
    }

    /// <summary>Samples the process's working set (managed and native: Skia's bitmaps) every few milliseconds.</summary>
    private sealed class PeakWorkingSet : IDisposable
    {
        private readonly long _baseline = Current();
        private readonly CancellationTokenSource _stop = new();
        private readonly Thread _thread;
        private long _peak;

        private PeakWorkingSet()
        {
            _peak = _baseline;
            _thread = new Thread(() =>
            {
                while (!_stop.IsCancellationRequested)
                {
                    _peak = Math.Max(_peak, Current());
                    Thread.Sleep(2);
                }
            })
            { IsBackground = true };
            _thread.Start();
        }

        public static PeakWorkingSet Start() => new();

        /// <summary>The peak's growth over the working set at the start.</summary>
        public long Stop()
        {
            _stop.Cancel();
            _thread.Join();
            return Math.Max(_peak, Current()) - _baseline;
        }

        public void Dispose() => _stop.Dispose();

        private static long Current()
        {
            using var process = Process.GetCurrentProcess();
            return process.WorkingSet64;
        }
    }
}
