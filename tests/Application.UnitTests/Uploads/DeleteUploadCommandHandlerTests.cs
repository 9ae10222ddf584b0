using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Uploads.Delete;

namespace NovaPulse.Application.UnitTests.Uploads;

public sealed class DeleteUploadCommandHandlerTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly TestUploads _uploads;

    public DeleteUploadCommandHandlerTests() => _uploads = new TestUploads(_database);

    public void Dispose()
    {
        _uploads.Dispose();
        _database.Dispose();
    }

    private async Task DeleteAsync(Guid id)
    {
        await using var db = _database.NewContext();
        await new DeleteUploadCommandHandler(db, _database.Clock).Handle(new DeleteUploadCommand(id), CancellationToken.None);
    }

    private async Task SignInAsync()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        _database.CurrentUser.SignInAs(acme.Owner);
    }

    [Fact]
    public async Task Deleting_hides_the_upload_keeps_its_bytes_for_the_cleanup_and_writes_an_upload_deleted_event()
    {
        await SignInAsync();
        var upload = await _uploads.UploadAsync();
        _database.Clock.Advance(TimeSpan.FromMinutes(1));

        await DeleteAsync(upload.Id);

        var stored = await _uploads.FindAsync(upload.Id);
        Assert.Equal(_database.Clock.GetUtcNow(), stored!.DeletedAt);
        Assert.Null(stored.PurgedAt);
        Assert.Equal("hello, world", await _uploads.ReadObjectAsync(stored.StorageKey));
        Assert.Equal(["upload.created", "upload.deleted"], await _uploads.UploadEventsAsync());
    }

    [Fact]
    public async Task Deleting_a_pending_upload_writes_no_event()
    {
        await SignInAsync();
        var reserved = await _uploads.ReserveAsync();

        await DeleteAsync(reserved.UploadId);

        Assert.NotNull((await _uploads.FindAsync(reserved.UploadId))!.DeletedAt);
        Assert.Empty(await _uploads.UploadEventsAsync());
    }

    [Fact]
    public async Task Deleting_twice_is_not_found_the_second_time_and_writes_one_event()
    {
        await SignInAsync();
        var upload = await _uploads.UploadAsync();
        await DeleteAsync(upload.Id);

        await AppErrorAssert.ThrowsAsync(ErrorKind.NotFound, () => DeleteAsync(upload.Id));

        Assert.Equal(["upload.created", "upload.deleted"], await _uploads.UploadEventsAsync());
    }

    [Fact]
    public async Task Deleting_another_companys_upload_is_not_found_and_keeps_it()
    {
        await SignInAsync();
        var upload = await _uploads.UploadAsync();
        var globex = await TestTenant.CreateAsync(_database, "Globex");
        _database.CurrentUser.SignInAs(globex.Owner);

        await AppErrorAssert.ThrowsAsync(ErrorKind.NotFound, () => DeleteAsync(upload.Id));

        Assert.Null((await _uploads.FindAsync(upload.Id))!.DeletedAt);
    }
}
