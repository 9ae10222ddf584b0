using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Common.Options;
using NovaPulse.Application.Uploads.Common;
using NovaPulse.Application.Uploads.Complete;
using NovaPulse.Application.Uploads.Delete;
using NovaPulse.Application.Uploads.SignedUrl;
using NovaPulse.Domain.Uploads;

namespace NovaPulse.Application.UnitTests.Uploads;

public sealed class PutUploadContentCommandHandlerTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly TestUploads _uploads;
    private TestTenant? _acme;

    public PutUploadContentCommandHandlerTests() => _uploads = new TestUploads(_database, new UploadSettings { MaxUploadBytes = 100 });

    public void Dispose()
    {
        _uploads.Dispose();
        _database.Dispose();
    }

    private async Task<SignedUploadResponse> ReserveAsync(long size = 12)
    {
        _acme ??= await TestTenant.CreateAsync(_database, "Acme");
        _database.CurrentUser.SignInAs(_acme.Owner);
        var reserved = await _uploads.ReserveAsync(size: size);
        // The signed PUT carries no bearer token.
        _database.CurrentUser.SignOut();
        return reserved;
    }

    private async Task<UploadDto> PutAsync(Guid id, long? expires, string? signature, byte[]? body = null)
    {
        await using var db = _database.NewContext();
        var handler = new PutUploadContentCommandHandler(db, _uploads.Signer, _uploads.Quota(db), _uploads.Content(db), _uploads.Urls, _database.Clock);
        return await handler.Handle(new PutUploadContentCommand(id, expires, signature, new MemoryStream(body ?? TestUploads.Text), "text/plain"), CancellationToken.None);
    }

    private Task<UploadDto> PutAsync(SignedUploadResponse reserved, byte[]? body = null)
    {
        var (expires, signature) = TestUploads.SignatureOf(reserved.Url);
        return PutAsync(reserved.UploadId, expires, signature, body);
    }

    private async Task AssertStillPendingAsync(Guid id)
    {
        var stored = await _uploads.FindAsync(id);
        Assert.NotNull(stored);
        Assert.Equal(UploadStatus.Pending, stored.Status);
        Assert.Equal(0, _uploads.StoredObjectCount());
    }

    [Fact]
    public async Task A_validly_signed_put_stores_the_bytes_and_completes_the_upload()
    {
        var reserved = await ReserveAsync();

        var dto = await PutAsync(reserved);

        Assert.Equal(UploadStatus.Ready, dto.Status);
        var stored = await _uploads.FindAsync(reserved.UploadId);
        Assert.NotNull(stored);
        Assert.Equal(UploadStatus.Ready, stored.Status);
        Assert.Equal(TestUploads.Text.Length, stored.Size);
        Assert.Equal("hello, world", await _uploads.ReadObjectAsync(stored.StorageKey));
        _database.CurrentUser.SignInAs(_acme!.Owner);
        Assert.Equal(["upload.created"], await _uploads.UploadEventsAsync());
    }

    [Fact]
    public async Task An_expired_signature_is_refused_and_nothing_is_stored()
    {
        var reserved = await ReserveAsync();
        _database.Clock.Advance(_uploads.Settings.SignedUrlLifetime + TimeSpan.FromSeconds(1));

        var error = await AppErrorAssert.ThrowsAsync(ErrorKind.Forbidden, () => PutAsync(reserved));

        Assert.Equal(ErrorCodes.InvalidSignature, error.Code);
        await AssertStillPendingAsync(reserved.UploadId);
    }

    [Fact]
    public async Task A_signature_for_a_later_expiry_or_another_method_is_refused()
    {
        var reserved = await ReserveAsync();
        var (expires, signature) = TestUploads.SignatureOf(reserved.Url);
        var download = _uploads.Signer.Sign("GET", reserved.UploadId, UploadUrls.Original, expires);

        await AppErrorAssert.ThrowsAsync(ErrorKind.Forbidden, () => PutAsync(reserved.UploadId, expires + 3600, signature));
        await AppErrorAssert.ThrowsAsync(ErrorKind.Forbidden, () => PutAsync(reserved.UploadId, expires, download));
        await AppErrorAssert.ThrowsAsync(ErrorKind.Forbidden, () => PutAsync(reserved.UploadId, null, null));

        await AssertStillPendingAsync(reserved.UploadId);
    }

    [Fact]
    public async Task The_signature_of_one_upload_does_not_open_another()
    {
        var first = await ReserveAsync();
        var second = await ReserveAsync();
        var (expires, signature) = TestUploads.SignatureOf(first.Url);

        await AppErrorAssert.ThrowsAsync(ErrorKind.Forbidden, () => PutAsync(second.UploadId, expires, signature));

        Assert.Equal(UploadStatus.Pending, (await _uploads.FindAsync(second.UploadId))!.Status);
    }

    [Fact]
    public async Task A_second_put_to_a_completed_upload_is_a_conflict_and_keeps_the_first_bytes()
    {
        var reserved = await ReserveAsync();
        await PutAsync(reserved);

        var error = await AppErrorAssert.ThrowsAsync(ErrorKind.Conflict, () => PutAsync(reserved, "replaced!!!!"u8.ToArray()));

        Assert.Equal(ErrorCodes.Conflict, error.Code);
        var stored = await _uploads.FindAsync(reserved.UploadId);
        Assert.Equal("hello, world", await _uploads.ReadObjectAsync(stored!.StorageKey));
    }

    [Fact]
    public async Task More_bytes_than_announced_are_too_large_and_nothing_is_stored()
    {
        var reserved = await ReserveAsync(size: 5);

        await AppErrorAssert.ThrowsAsync(ErrorKind.TooLarge, () => PutAsync(reserved));

        await AssertStillPendingAsync(reserved.UploadId);
    }

    [Fact]
    public async Task A_deleted_upload_is_not_found_even_with_a_valid_signature()
    {
        var reserved = await ReserveAsync();
        _database.CurrentUser.SignInAs(_acme!.Owner);
        await using (var db = _database.NewContext())
        {
            await new DeleteUploadCommandHandler(db, _database.Clock).Handle(new DeleteUploadCommand(reserved.UploadId), CancellationToken.None);
        }

        _database.CurrentUser.SignOut();

        await AppErrorAssert.ThrowsAsync(ErrorKind.NotFound, () => PutAsync(reserved));
        Assert.Equal(0, _uploads.StoredObjectCount());
    }
}
