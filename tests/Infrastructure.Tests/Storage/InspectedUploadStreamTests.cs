using System.Security.Cryptography;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Uploads.Common;
using NovaPulse.Infrastructure.Storage;

namespace NovaPulse.Infrastructure.Tests.Storage;

/// <summary>The checksum and size storage sees, around the sniffing header and the background hash's segment boundaries.</summary>
public sealed class InspectedUploadStreamTests
{
    private const int Segment = OverlappedSha256.SegmentSize;

    public static TheoryData<int> Sizes => [1, FileTypeSniffer.HeaderLength - 1, FileTypeSniffer.HeaderLength + 1, Segment - 1, Segment, Segment + 1, (6 * Segment) + 77];

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task Reports_the_sha256_and_size_of_every_byte_read(int size)
    {
        var bytes = RandomNumberGenerator.GetBytes(size);
        await using var inspected = await InspectedUploadStream.OpenAsync(new PieceStream(bytes), size, FileTypeSniffer.HeaderLength, CancellationToken.None);
        var copy = new MemoryStream();

        await inspected.CopyToAsync(copy, 10_000);

        Assert.Equal(bytes, copy.ToArray());
        Assert.Equal(size, inspected.BytesRead);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), inspected.Checksum);
        Assert.Equal(bytes.AsSpan(0, Math.Min(size, FileTypeSniffer.HeaderLength)).ToArray(), inspected.Header.ToArray());
    }

    [Fact]
    public async Task Synchronous_reads_hash_the_same_bytes()
    {
        var bytes = RandomNumberGenerator.GetBytes((2 * Segment) + 5);
        await using var inspected = await InspectedUploadStream.OpenAsync(new MemoryStream(bytes), bytes.Length, FileTypeSniffer.HeaderLength, CancellationToken.None);

        inspected.CopyTo(Stream.Null, 50_000);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), inspected.Checksum);
    }

    [Fact]
    public async Task Crossing_the_limit_stops_the_read_and_leaves_no_checksum()
    {
        var bytes = RandomNumberGenerator.GetBytes(3 * Segment);
        await using var inspected = await InspectedUploadStream.OpenAsync(new PieceStream(bytes), (2 * Segment) + 1, FileTypeSniffer.HeaderLength, CancellationToken.None);

        Assert.Equal(ErrorKind.TooLarge, (await Assert.ThrowsAsync<AppException>(() => inspected.CopyToAsync(Stream.Null, 64 * 1024))).Kind);

        Assert.Throws<InvalidOperationException>(() => inspected.Checksum);
    }

    [Fact]
    public async Task The_checksum_is_unknown_until_the_end_is_read()
    {
        var bytes = RandomNumberGenerator.GetBytes(Segment * 2);
        await using var inspected = await InspectedUploadStream.OpenAsync(new MemoryStream(bytes), bytes.Length, FileTypeSniffer.HeaderLength, CancellationToken.None);

        await inspected.ReadExactlyAsync(new byte[Segment + 10]);

        Assert.Throws<InvalidOperationException>(() => inspected.Checksum);
    }

    /// <summary>Returns odd-sized pieces, as a socket does.</summary>
    private sealed class PieceStream(byte[] data) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, 3001 + (int)(Position % 4093))], cancellationToken);
    }
}
