using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using NovaPulse.WebApi.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace NovaPulse.WebApi.IntegrationTests.Reliability;

/// <summary>
/// Cloudinary hangs, then answers 500s: uploads fail with 503 ProblemDetails and store nothing, the circuit opens (calls
/// stop reaching Cloudinary), then closes again once Cloudinary recovers. Real time here: the resilience pipeline's
/// timers are what is under test.
/// </summary>
public sealed class CloudinaryFaultTests(ITestOutputHelper output)
{
    private static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task Failures_answer_503_store_nothing_and_the_circuit_opens_then_closes()
    {
        var host = new FaultyCloudinaryHost();
        await host.InitializeAsync();
        try
        {
            var tenant = await host.RegisterAsync();
            var cloudinary = host.Cloudinary;

            cloudinary.Stall = TimeSpan.FromSeconds(8);
            var watch = Stopwatch.StartNew();
            await (await tenant.Owner.UploadAsync(Uploads.Png(20, 20), "hung.png", "image/png")).AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(6), $"the 1 s timeout did not cut the hung call ({watch.Elapsed})");
            cloudinary.Stall = TimeSpan.Zero;

            cloudinary.FailWithStatus = 500;
            for (var i = 0; i < 3; i++)
            {
                var failed = await tenant.Owner.UploadAsync(Uploads.Png(20, 20), $"failed-{i}.png", "image/png");
                Assert.Equal("5", failed.Headers.RetryAfter?.ToString());
                await failed.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
            }

            var reached = cloudinary.UploadApiRequests;
            await (await tenant.Owner.UploadAsync(Uploads.Png(20, 20), "short-circuited.png", "image/png")).AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
            Assert.Equal(reached, cloudinary.UploadApiRequests); // the open circuit answered without calling Cloudinary

            var listed = (await (await tenant.Owner.GetAsync("/api/v1/uploads")).ReadJsonAsync())["items"]!.AsArray();
            Assert.Empty(listed);

            cloudinary.FailWithStatus = null;
            await Task.Delay(BreakDuration + TimeSpan.FromMilliseconds(500));
            var recovered = await tenant.Owner.UploadAsync(Uploads.Png(20, 20), "recovered.png", "image/png");
            Assert.Equal(HttpStatusCode.Created, recovered.StatusCode);
            var items = (await (await tenant.Owner.GetAsync("/api/v1/uploads")).ReadJsonAsync())["items"]!.AsArray();
            Assert.Equal(["recovered.png"], items.Select(i => i!["name"]!.GetValue<string>()));
            var recoveredId = Guid.Parse(items[0]!["id"]!.GetValue<string>());
            Assert.Contains($"image/authenticated/{tenant.CompanyId:N}/{recoveredId:N}", cloudinary.Assets.Keys);
            // The hung call may still have stored its asset after we gave up: rowless, it is the orphan sweep's to remove.
            output.WriteLine($"cloudinary faults: timeout and 500s -> 503, circuit opened after {reached} calls and closed after {BreakDuration.TotalSeconds} s, 0 rows stored for failures");
        }
        finally
        {
            await host.DisposeAsync();
            host.Cloudinary.Dispose();
        }
    }

    private sealed class FaultyCloudinaryHost : NovaPulseFactory
    {
        public FakeCloudinary Cloudinary { get; } = new();

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(Cloudinary.HostSettings())
        {
            ["Cloudinary:RequestTimeout"] = "00:00:01",
            ["Cloudinary:CircuitBreakerMinimumThroughput"] = "4",
            ["Cloudinary:CircuitBreakerBreakDuration"] = BreakDuration.ToString(),
            ["Workers:Enabled"] = "false",
        };

        protected override bool UsesSystemClock => true;
    }
}
