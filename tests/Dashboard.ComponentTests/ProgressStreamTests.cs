using NovaPulse.Dashboard.Components.Shared;

namespace NovaPulse.Dashboard.ComponentTests;

public sealed class ProgressStreamTests
{
    [Fact]
    public async Task Reports_the_running_total_of_bytes_read_and_passes_them_through_unchanged()
    {
        var data = Enumerable.Range(0, 10_000).Select(i => (byte)i).ToArray();
        var reported = new List<long>();
        await using var stream = new ProgressStream(new MemoryStream(data), reported.Add);

        using var copy = new MemoryStream();
        var buffer = new byte[4096];
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            copy.Write(buffer, 0, read);
        }

        Assert.Equal(data, copy.ToArray());
        Assert.Equal([4096L, 8192L, 10_000L], reported);
        Assert.Equal(10_000, stream.Position);
    }
}
