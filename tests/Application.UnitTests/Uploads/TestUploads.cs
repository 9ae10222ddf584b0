using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NovaPulse.Application.Billing.Common;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Common.Options;
using NovaPulse.Application.Uploads.Common;
using NovaPulse.Application.Uploads.Create;
using NovaPulse.Application.Uploads.SignedUrl;
using NovaPulse.Domain.Uploads;
using NovaPulse.Infrastructure.Storage;

namespace NovaPulse.Application.UnitTests.Uploads;

/// <summary>
/// The upload collaborators as the host wires them: local-disk storage in a temp folder, the HMAC signer, the Skia
/// thumbnails and the plan-backed limits, over a <see cref="TestDatabase"/>.
/// </summary>
public sealed class TestUploads : IDisposable
{
    public static readonly byte[] Text = "hello, world"u8.ToArray();

    private readonly TestDatabase _database;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "np-unit-uploads-" + Guid.NewGuid().ToString("N"));
    private readonly SkiaThumbnailGenerator _thumbnails;

    public TestUploads(TestDatabase database, UploadSettings? settings = null)
    {
        _database = database;
        Settings = settings ?? new UploadSettings();
        Storage = new LocalDiskFileStorage(_root, directIo: false);
        Signer = new HmacUploadUrlSigner(Options.Create(new StorageOptions { SigningKey = new string('s', 32) }));
        _thumbnails = new SkiaThumbnailGenerator(Options.Create(Settings));
        Urls = new UploadUrls(Storage, Signer, Options.Create(Settings), database.Clock);
    }

    public UploadSettings Settings { get; }

    public LocalDiskFileStorage Storage { get; }

    public HmacUploadUrlSigner Signer { get; }

    public IThumbnailGenerator Thumbnails => _thumbnails;

    public UploadUrls Urls { get; }

    public IPlanLimits PlanLimits(IAppDbContext db) =>
        new PlanBackedLimits(db, new PlanCatalog(new TestOptions<BillingOptions>(new BillingOptions())), new TestOptions<UploadSettings>(Settings));

    public StorageQuota Quota(IAppDbContext db) => new(db, PlanLimits(db));

    public UploadContent Content(IAppDbContext db) => new(Storage, Thumbnails, Quota(db));

    /// <summary>A ready upload of <paramref name="bytes"/>, stored through the multipart use case as the current user.</summary>
    public async Task<UploadDto> UploadAsync(string fileName = "notes.txt", byte[]? bytes = null, bool isPublic = false, Guid? taskId = null)
    {
        await using var db = _database.NewContext();
        var handler = new UploadFileCommandHandler(
            db, _database.CurrentUser, Storage, Quota(db), Content(db), Urls, new UploadFileCommandValidator(), _database.Clock);
        return await handler.Handle(
            new UploadFileCommand(new MemoryStream(bytes ?? Text), fileName, "text/plain", null, null, isPublic, taskId), CancellationToken.None);
    }

    /// <summary>A pending upload reserved through the signed-URL use case as the current user.</summary>
    public async Task<SignedUploadResponse> ReserveAsync(string fileName = "notes.txt", long size = 12, string contentType = "text/plain", Guid? taskId = null)
    {
        await using var db = _database.NewContext();
        var handler = new CreateSignedUploadCommandHandler(
            db, _database.CurrentUser, Storage, Quota(db), Urls, Options.Create(Settings), _database.Clock);
        return await handler.Handle(new CreateSignedUploadCommand(fileName, contentType, size, TaskId: taskId), CancellationToken.None);
    }

    /// <summary>The <c>expires</c> and <c>signature</c> of a signed URL the use cases answered.</summary>
    public static (long Expires, string Signature) SignatureOf(string url)
    {
        var query = url[(url.IndexOf('?', StringComparison.Ordinal) + 1)..].Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        return (long.Parse(query["expires"], System.Globalization.CultureInfo.InvariantCulture), query["signature"]);
    }

    /// <summary>The stored row whoever's it is (deleted ones too).</summary>
    public async Task<Upload?> FindAsync(Guid id)
    {
        await using var db = _database.NewContext();
        return await db.Uploads.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(u => u.Id == id);
    }

    public async Task<int> CountAsync()
    {
        await using var db = _database.NewContext();
        return await db.Uploads.IgnoreQueryFilters().CountAsync();
    }

    /// <summary>The <c>upload.*</c> events in the current company's outbox, oldest first.</summary>
    public async Task<List<string>> UploadEventsAsync()
    {
        await using var db = _database.NewContext();
        return await db.OutboxMessages.Where(m => m.Type.StartsWith("upload.")).OrderBy(m => m.Id).Select(m => m.Type).ToListAsync();
    }

    /// <summary>The bytes stored under <paramref name="key"/>, or null when there is no object.</summary>
    public async Task<string?> ReadObjectAsync(string key)
    {
        await using var stream = await Storage.OpenReadAsync(key, CancellationToken.None);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }

    /// <summary>The bytes a direct upload would have sent, written straight into storage (as Cloudinary would hold them).</summary>
    public Task PutObjectAsync(Upload upload, byte[] bytes) =>
        Storage.SaveAsync(UploadUrls.StorageObjectOf(upload), new MemoryStream(bytes), CancellationToken.None);

    /// <summary>Objects in storage (thumbnails included), whoever's they are; half-written temp files do not count.</summary>
    public int StoredObjectCount() =>
        Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories).Count(f => !f.Contains($"{Path.DirectorySeparatorChar}.tmp{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    public void Dispose()
    {
        _thumbnails.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
