using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Domain.Uploads;

namespace NovaPulse.Infrastructure.Storage;

/// <summary>
/// Files under one root folder. Keys are ours (<c>{company:N}/{upload:N}[.thumb]</c>) and are checked against a strict
/// pattern, so no path is ever built from client input. Writes go to a temp file in the same file system, reach the
/// disk (<see cref="DurableFileWriter"/>) and are renamed into place, and the folder is flushed so the rename is on disk
/// too: a reader never sees a partial object and a 201 means the bytes are stored. The API serves the bytes (signed URLs for private files).
/// </summary>
public sealed partial class LocalDiskFileStorage : IFileStorage
{
    public const string Name = "LocalDisk";
    private const string TempFolder = ".tmp";
    private const int BufferSize = 128 * 1024;
    private readonly string _root;
    private readonly bool _directIo;

    public LocalDiskFileStorage(string root, bool directIo = true)
    {
        _root = Path.GetFullPath(root);
        _directIo = directIo;
        Directory.CreateDirectory(Path.Combine(_root, TempFolder));
    }

    public string Provider => Name;

    public bool TransformsImages => false;

    public Task<StoredUpload> StoreUploadAsync(string key, bool isPublic, Stream content, UploadPolicy policy, CancellationToken cancellationToken) =>
        UploadInspection.StoreAsync(this, key, isPublic, content, policy, cancellationToken);

    public async Task<StoredObject> SaveAsync(StorageObject target, Stream content, CancellationToken cancellationToken)
    {
        var path = PathOf(target.Key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = Path.Combine(_root, TempFolder, Guid.NewGuid().ToString("N"));
        try
        {
            var size = await DurableFileWriter.WriteAsync(temp, content, _directIo, cancellationToken);

            File.Move(temp, path, overwrite: true);
            LinuxFiles.FlushDirectory(Path.GetDirectoryName(path)!);
            return new StoredObject(size);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        Stream? stream = File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan)
            : null;
        return Task.FromResult(stream);
    }

    public Task DeleteAsync(StorageObject target, CancellationToken cancellationToken)
    {
        TryDelete(PathOf(target.Key));
        return Task.CompletedTask;
    }

    public Task SetVisibilityAsync(StorageObject target, bool isPublic, CancellationToken cancellationToken) => Task.CompletedTask;

    public Uri? GetDeliveryUrl(StorageObject target, bool thumbnail, DateTimeOffset expiresAt) => null;

    public DirectUploadTarget? CreateDirectUpload(StorageObject target, DateTimeOffset expiresAt) => null;

    public Task<StoredObject?> DescribeAsync(StorageObject target, CancellationToken cancellationToken)
    {
        var file = new FileInfo(PathOf(target.Key));
        return Task.FromResult(file.Exists ? new StoredObject(file.Length) : null);
    }

    public async IAsyncEnumerable<StoredEntry> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        foreach (var file in new DirectoryInfo(_root).EnumerateFiles("*", SearchOption.AllDirectories))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var key = Path.GetRelativePath(_root, file.FullName).Replace(Path.DirectorySeparatorChar, '/');
            yield return new StoredEntry(new StorageObject(key, "application/octet-stream", UploadKind.Other, false), new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero));
        }
    }

    /// <summary>Our keys only: anything else (including <c>..</c>) is refused before it can touch the file system.</summary>
    private string PathOf(string key)
    {
        if (!KeyPattern().IsMatch(key))
        {
            throw new ArgumentException($"'{key}' is not a storage key.", nameof(key));
        }

        return Path.Combine(_root, key.Replace('/', Path.DirectorySeparatorChar));
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    [GeneratedRegex(@"^(\.tmp/[0-9a-f]{32}|[0-9a-f]{32}/[0-9a-f]{32}(\.thumb)?)$")]
    private static partial Regex KeyPattern();
}
