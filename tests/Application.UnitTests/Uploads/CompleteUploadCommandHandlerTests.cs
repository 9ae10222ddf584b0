using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Common.Options;
using NovaPulse.Application.Uploads.Common;
using NovaPulse.Application.Uploads.Complete;
using NovaPulse.Domain.Uploads;

namespace NovaPulse.Application.UnitTests.Uploads;

/// <summary>The completion of a direct upload: the bytes are put straight into storage, as the client would send them to Cloudinary.</summary>
public sealed class CompleteUploadCommandHandlerTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly TestUploads _uploads;

    public CompleteUploadCommandHandlerTests() => _uploads = new TestUploads(_database, new UploadSettings { MaxUploadBytes = 100, DefaultStorageQuotaBytes = 100 });

    public void Dispose()
    {
        _uploads.Dispose();
        _database.Dispose();
    }

    private async Task<Upload> ReserveAsync(long size = 12)
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        _database.CurrentUser.SignInAs(acme.Owner);
        return (await _uploads.FindAsync((await _uploads.ReserveAsync(size: size)).UploadId))!;
    }

    private async Task<UploadDto> CompleteAsync(Guid id)
    {
        await using var db = _database.NewContext();
        var handler = new CompleteUploadCommandHandler(db, _uploads.Storage, _uploads.PlanLimits(db), _uploads.Quota(db), _uploads.Urls, _database.Clock);
        return await handler.Handle(new CompleteUploadCommand(id), CancellationToken.None);
    }

    [Fact]
    public async Task Completing_after_the_bytes_arrived_makes_the_upload_ready_with_the_measured_size()
    {
        var pending = await ReserveAsync(size: 50);
        await _uploads.PutObjectAsync(pending, TestUploads.Text);

        var dto = await CompleteAsync(pending.Id);

        Assert.Equal(UploadStatus.Ready, dto.Status);
        var stored = await _uploads.FindAsync(pending.Id);
        Assert.Equal(UploadStatus.Ready, stored!.Status);
        Assert.Equal(TestUploads.Text.Length, stored.Size);
        Assert.Equal(["upload.created"], await _uploads.UploadEventsAsync());
    }

    [Fact]
    public async Task Completing_before_any_bytes_arrived_is_a_conflict_and_the_upload_stays_pending()
    {
        var pending = await ReserveAsync();

        await AppErrorAssert.ThrowsAsync(ErrorKind.Conflict, () => CompleteAsync(pending.Id));

        Assert.Equal(UploadStatus.Pending, (await _uploads.FindAsync(pending.Id))!.Status);
        Assert.Empty(await _uploads.UploadEventsAsync());
    }

    [Fact]
    public async Task More_bytes_than_announced_are_too_large_and_the_object_is_deleted()
    {
        var pending = await ReserveAsync(size: 5);
        await _uploads.PutObjectAsync(pending, TestUploads.Text);

        var error = await AppErrorAssert.ThrowsAsync(ErrorKind.TooLarge, () => CompleteAsync(pending.Id));

        Assert.Equal(ErrorCodes.PayloadTooLarge, error.Code);
        Assert.Equal(0, _uploads.StoredObjectCount());
        Assert.Equal(UploadStatus.Pending, (await _uploads.FindAsync(pending.Id))!.Status);
    }

    [Fact]
    public async Task Bytes_beyond_a_quota_lowered_meanwhile_are_refused_and_the_object_is_deleted()
    {
        var pending = await ReserveAsync(size: 12);
        await _uploads.PutObjectAsync(pending, TestUploads.Text);
        _uploads.Settings.DefaultStorageQuotaBytes = 10; // e.g. a downgrade while the bytes were on their way

        var error = await AppErrorAssert.ThrowsAsync(ErrorKind.LimitReached, () => CompleteAsync(pending.Id));

        Assert.Equal("storage_quota_exceeded", error.Code);
        Assert.Equal(0, _uploads.StoredObjectCount());
        Assert.Equal(UploadStatus.Pending, (await _uploads.FindAsync(pending.Id))!.Status);
    }

    [Fact]
    public async Task Completing_twice_answers_the_ready_upload_without_a_second_event()
    {
        var pending = await ReserveAsync(size: 50);
        await _uploads.PutObjectAsync(pending, TestUploads.Text);
        await CompleteAsync(pending.Id);

        var again = await CompleteAsync(pending.Id);

        Assert.Equal(UploadStatus.Ready, again.Status);
        Assert.Equal(["upload.created"], await _uploads.UploadEventsAsync());
    }

    [Fact]
    public async Task Completing_another_companys_upload_is_not_found()
    {
        var pending = await ReserveAsync();
        await _uploads.PutObjectAsync(pending, TestUploads.Text);
        var globex = await TestTenant.CreateAsync(_database, "Globex");
        _database.CurrentUser.SignInAs(globex.Owner);

        await AppErrorAssert.ThrowsAsync(ErrorKind.NotFound, () => CompleteAsync(pending.Id));

        Assert.Equal(UploadStatus.Pending, (await _uploads.FindAsync(pending.Id))!.Status);
        Assert.Equal(1, _uploads.StoredObjectCount());
    }
}
