using System.Net;
using System.Net.Http.Headers;

namespace NovaPulse.Sdk.Uploads;

/// <summary>
/// A file body that reports the bytes sent so far. The stream is opened anew for each send, so a retried request
/// (after a dropped connection or a token refresh) sends the whole file again.
/// </summary>
internal sealed class ProgressFileContent : HttpContent
{
    private const int ChunkSize = 81920;
    private readonly Func<Stream> _open;
    private readonly long? _length;
    private readonly IProgress<long>? _progress;

    public ProgressFileContent(Func<Stream> open, long? length, string contentType, IProgress<long>? progress)
    {
        _open = open;
        _length = length;
        _progress = progress;
        Headers.ContentType = new MediaTypeHeaderValue(contentType);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await using var source = _open();
        var buffer = new byte[ChunkSize];
        long sent = 0;
        _progress?.Report(0);
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            sent += read;
            _progress?.Report(sent);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _length ?? 0;
        return _length is not null;
    }
}
