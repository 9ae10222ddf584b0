using FluentValidation;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Common.Options;
using NovaPulse.Application.Uploads.Create;
using NovaPulse.Domain.Uploads;
using static NovaPulse.Application.UnitTests.TestTasks;

namespace NovaPulse.Application.UnitTests.Uploads;

public sealed class UploadFileCommandHandlerTests : IDisposable
{
    private static readonly byte[] WindowsExecutable = [.. "MZ"u8, 0x90, 0, 3, 0];

    private readonly TestDatabase _database = new();
    private readonly TestUploads _uploads;

    public UploadFileCommandHandlerTests() => _uploads = new TestUploads(_database, new UploadSettings { MaxUploadBytes = 100, DefaultStorageQuotaBytes = 20 });

    public void Dispose()
    {
        _uploads.Dispose();
        _database.Dispose();
    }

    private async Task UploadWithFieldsAfterAsync(UploadFields fields)
    {
        await using var db = _database.NewContext();
        var handler = new UploadFileCommandHandler(
            db, _database.CurrentUser, _uploads.Storage, _uploads.Quota(db), _uploads.Content(db), _uploads.Urls, new UploadFileCommandValidator(), _database.Clock);
        await handler.Handle(
            new UploadFileCommand(new MemoryStream(TestUploads.Text), "notes.txt", "text/plain", null, null, null, null, _ => Task.FromResult(fields)),
            CancellationToken.None);
    }

    [Fact]
    public async Task Uploading_stores_the_bytes_and_writes_a_ready_row_and_an_upload_created_event()
    {
        var acme = await TestTenant.CreateSignedInAsync(_database, "Acme");

        var dto = await _uploads.UploadAsync();

        var stored = await _uploads.FindAsync(dto.Id);
        Assert.NotNull(stored);
        Assert.Equal(UploadStatus.Ready, stored.Status);
        Assert.Equal(acme.Company.Id, stored.CompanyId);
        Assert.Equal(acme.Owner.Id, stored.CreatedBy);
        Assert.Equal("text/plain", stored.ContentType);
        Assert.Equal(TestUploads.Text.Length, stored.Size);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(TestUploads.Text)), stored.Checksum);
        Assert.Equal("hello, world", await _uploads.ReadObjectAsync(stored.StorageKey));
        Assert.Equal(["upload.created"], await _uploads.UploadEventsAsync());
    }

    [Fact]
    public async Task An_executable_is_refused_as_unsupported_and_nothing_is_stored()
    {
        await TestTenant.CreateSignedInAsync(_database, "Acme");

        var error = await AppErrorAssert.ThrowsAsync(ErrorKind.UnsupportedMediaType, () => _uploads.UploadAsync("setup.txt", WindowsExecutable));

        Assert.Equal(ErrorCodes.UnsupportedMediaType, error.Code);
        Assert.Equal(0, await _uploads.CountAsync());
        Assert.Equal(0, _uploads.StoredObjectCount());
    }

    [Fact]
    public async Task An_empty_file_is_a_validation_error_and_nothing_is_stored()
    {
        await TestTenant.CreateSignedInAsync(_database, "Acme");

        await Assert.ThrowsAsync<ValidationException>(() => _uploads.UploadAsync(bytes: []));

        Assert.Equal(0, await _uploads.CountAsync());
        Assert.Equal(0, _uploads.StoredObjectCount());
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_too_large_and_nothing_is_stored()
    {
        await TestTenant.CreateSignedInAsync(_database, "Acme");

        var error = await AppErrorAssert.ThrowsAsync(ErrorKind.TooLarge, () => _uploads.UploadAsync(bytes: [.. Enumerable.Repeat((byte)'a', 101)]));

        Assert.Equal(ErrorCodes.PayloadTooLarge, error.Code);
        Assert.Equal(0, await _uploads.CountAsync());
        Assert.Equal(0, _uploads.StoredObjectCount());
    }

    [Fact]
    public async Task A_file_beyond_the_storage_quota_is_refused_and_its_bytes_are_removed()
    {
        await TestTenant.CreateSignedInAsync(_database, "Acme");
        var first = await _uploads.UploadAsync();

        var error = await AppErrorAssert.ThrowsAsync(ErrorKind.LimitReached, () => _uploads.UploadAsync());

        Assert.Equal("storage_quota_exceeded", error.Code);
        Assert.Equal(1, await _uploads.CountAsync());
        Assert.Equal(1, _uploads.StoredObjectCount());
        Assert.Equal(["upload.created"], await _uploads.UploadEventsAsync());
        Assert.NotNull(await _uploads.FindAsync(first.Id));
    }

    [Fact]
    public async Task Attaching_to_a_task_of_another_company_is_a_validation_error()
    {
        var globex = await TestTenant.CreateAsync(_database, "Globex");
        _database.CurrentUser.SignInAs(globex.Owner);
        var theirs = await _database.CreateTaskAsync(NewTask("Globex task"));
        await TestTenant.CreateSignedInAsync(_database, "Acme");

        await Assert.ThrowsAsync<ValidationException>(() => _uploads.UploadAsync(taskId: theirs.Id));

        Assert.Equal(0, await _uploads.CountAsync());
        Assert.Equal(0, _uploads.StoredObjectCount());
    }

    [Fact]
    public async Task Invalid_fields_after_the_file_are_a_validation_error_and_the_stored_bytes_are_discarded()
    {
        await TestTenant.CreateSignedInAsync(_database, "Acme");

        await Assert.ThrowsAsync<ValidationException>(() => UploadWithFieldsAfterAsync(new UploadFields("../etc", null, null, null)));

        Assert.Equal(0, await _uploads.CountAsync());
        Assert.Equal(0, _uploads.StoredObjectCount());
    }

    [Fact]
    public async Task Fields_after_the_file_describe_the_stored_upload()
    {
        await TestTenant.CreateSignedInAsync(_database, "Acme");

        await UploadWithFieldsAfterAsync(new UploadFields("/reports/2026/", ["q1", " Q1 ", "draft"], true, null));

        await using var db = _database.NewContext();
        var stored = Assert.Single(db.Uploads);
        Assert.Equal("reports/2026", stored.Folder);
        Assert.Equal(["q1", "draft"], stored.Tags);
        Assert.True(stored.IsPublic);
        Assert.Equal(2, stored.Version);
    }
}
