using System.Security.Cryptography;
using NovaPulse.Infrastructure.Storage;

namespace NovaPulse.WebApi.IntegrationTests.Storage;

/// <summary>
/// The LocalDisk write path: every size around the direct-I/O block and chunk boundaries comes back byte for byte,
/// with direct I/O (Linux) and through the page cache.
/// </summary>
public sealed class DurableFileWriterTests : IDisposable
{
    private const int Block = DurableFileWriter.Alignment;
    private const int Chunk = DurableFileWriter.ChunkSize;

    private readonly List<string> _folders = [];

    public static TheoryData<int> Sizes => [0, 1, Block - 1, Block, Block + 1, Chunk - 1, Chunk, Chunk + 1, (3 * Chunk) + 123];

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task Writes_every_byte_with_direct_io(int size) => await AssertRoundTripAsync(size, directIo: true);

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task Writes_every_byte_through_the_page_cache(int size) => await AssertRoundTripAsync(size, directIo: false);

    [Fact]
    public void Linux_opens_new_files_for_direct_io_and_never_opens_an_existing_one()
    {
        var path = Path.Combine(Folder(), "direct");
        using (var handle = LinuxFiles.TryCreateUnbuffered(path))
        {
            Assert.Equal(OperatingSystem.IsLinux(), handle is not null);
        }

        Assert.Null(LinuxFiles.TryCreateUnbuffered(path));
    }

    [Fact]
    public void Flushing_a_folder_works_and_a_missing_folder_is_an_io_error()
    {
        var folder = Folder();

        LinuxFiles.FlushDirectory(folder);

        if (OperatingSystem.IsLinux())
        {
            Assert.Throws<IOException>(() => LinuxFiles.FlushDirectory(Path.Combine(folder, "missing")));
        }
    }

    [Fact]
    public async Task A_failing_source_surfaces_its_error()
    {
        var path = Path.Combine(Folder(), "broken");
        var source = new TrickleStream(RandomNumberGenerator.GetBytes(2 * Chunk), failAfter: Chunk + 10);

        var error = await Assert.ThrowsAsync<IOException>(() => DurableFileWriter.WriteAsync(path, source, directIo: true, CancellationToken.None));

        Assert.Equal("connection reset", error.Message);
    }

    [Fact]
    public async Task An_existing_file_is_never_overwritten()
    {
        var path = Path.Combine(Folder(), "taken");
        await File.WriteAllTextAsync(path, "first");

        await Assert.ThrowsAsync<IOException>(() => DurableFileWriter.WriteAsync(path, new MemoryStream([1, 2, 3]), directIo: true, CancellationToken.None));

        Assert.Equal("first", await File.ReadAllTextAsync(path));
    }

    public void Dispose()
    {
        foreach (var folder in _folders)
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task AssertRoundTripAsync(int size, bool directIo)
    {
        var bytes = RandomNumberGenerator.GetBytes(size);
        var path = Path.Combine(Folder(), "object");

        var written = await DurableFileWriter.WriteAsync(path, new TrickleStream(bytes), directIo, CancellationToken.None);

        Assert.Equal(size, written);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(path));
    }

    private string Folder()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "durable-writer-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        _folders.Add(folder);
        return folder;
    }

    /// <summary>Hands out odd-sized pieces, like a socket, and can fail part-way like a dropped connection.</summary>
    private sealed class TrickleStream(byte[] data, int failAfter = int.MaxValue) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (Position >= failAfter)
            {
                throw new IOException("connection reset");
            }

            var piece = (int)Math.Min(buffer.Length, 7919 + (Position % 5000));
            return base.ReadAsync(buffer[..piece], cancellationToken);
        }
    }
}
