using FluentValidation;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Uploads.Common;
using NovaPulse.Application.Uploads.Update;
using NovaPulse.Domain.Common;
using static NovaPulse.Application.UnitTests.TestTasks;

namespace NovaPulse.Application.UnitTests.Uploads;

public sealed class UpdateUploadCommandHandlerTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly TestUploads _uploads;

    public UpdateUploadCommandHandlerTests() => _uploads = new TestUploads(_database);

    public void Dispose()
    {
        _uploads.Dispose();
        _database.Dispose();
    }

    private static UpdateUploadCommand Change(Guid id, int? expectedVersion = null) =>
        new(id, expectedVersion, Optional<string?>.Absent, Optional<string?>.Absent, Optional<IReadOnlyList<string>?>.Absent, Optional<Guid?>.Absent);

    private async Task<UploadDto> UpdateAsync(UpdateUploadCommand command)
    {
        await using var db = _database.NewContext();
        return await new UpdateUploadCommandHandler(db, _uploads.Urls, _database.Clock).Handle(command, CancellationToken.None);
    }

    private async Task<UploadDto> UploadAsync()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        _database.CurrentUser.SignInAs(acme.Owner);
        var upload = await _uploads.UploadAsync();
        _database.Clock.Advance(TimeSpan.FromMinutes(1));
        return upload;
    }

    [Fact]
    public async Task Renaming_and_retagging_with_the_current_version_applies_and_bumps_the_version()
    {
        var upload = await UploadAsync();

        var dto = await UpdateAsync(Change(upload.Id, upload.Version) with
        {
            Name = Optional<string?>.Of("minutes.txt"),
            Tags = Optional<IReadOnlyList<string>?>.Of(["board", " Board "]),
        });

        Assert.Equal(upload.Version + 1, dto.Version);
        var stored = await _uploads.FindAsync(upload.Id);
        Assert.Equal("minutes.txt", stored!.Name);
        Assert.Equal(["board"], stored.Tags);
        Assert.Equal(upload.Version + 1, stored.Version);
        Assert.Equal(_database.Clock.GetUtcNow(), stored.UpdatedAt);
    }

    [Fact]
    public async Task A_stale_expected_version_fails_the_precondition_and_changes_nothing()
    {
        var upload = await UploadAsync();
        await UpdateAsync(Change(upload.Id) with { Folder = Optional<string?>.Of("first") });

        await AppErrorAssert.ThrowsAsync(ErrorKind.PreconditionFailed,
            () => UpdateAsync(Change(upload.Id, upload.Version) with { Folder = Optional<string?>.Of("lost") }));

        Assert.Equal("first", (await _uploads.FindAsync(upload.Id))!.Folder);
    }

    [Fact]
    public async Task A_rename_to_an_executable_extension_is_unsupported_and_keeps_the_name()
    {
        var upload = await UploadAsync();

        await AppErrorAssert.ThrowsAsync(ErrorKind.UnsupportedMediaType, () => UpdateAsync(Change(upload.Id) with { Name = Optional<string?>.Of("notes.exe") }));

        var stored = await _uploads.FindAsync(upload.Id);
        Assert.Equal("notes.txt", stored!.Name);
        Assert.Equal(upload.Version, stored.Version);
    }

    [Fact]
    public async Task A_rename_is_sanitized_before_it_is_stored()
    {
        var upload = await UploadAsync();

        var dto = await UpdateAsync(Change(upload.Id) with { Name = Optional<string?>.Of("../../secret/notes.txt") });

        Assert.Equal(FileNameSanitizer.Sanitize("../../secret/notes.txt"), dto.Name);
        Assert.DoesNotContain("/", (await _uploads.FindAsync(upload.Id))!.Name);
    }

    [Fact]
    public async Task Attaching_to_a_task_of_another_company_is_a_validation_error()
    {
        var globex = await TestTenant.CreateAsync(_database, "Globex");
        _database.CurrentUser.SignInAs(globex.Owner);
        var theirs = await _database.CreateTaskAsync(NewTask("Globex task"));
        var upload = await UploadAsync();

        await Assert.ThrowsAsync<ValidationException>(() => UpdateAsync(Change(upload.Id) with { TaskId = Optional<Guid?>.Of(theirs.Id) }));

        Assert.Null((await _uploads.FindAsync(upload.Id))!.TaskId);
    }

    [Fact]
    public async Task Attaching_to_a_task_of_the_company_is_stored()
    {
        var upload = await UploadAsync();
        var task = await _database.CreateTaskAsync(NewTask("Ours"));

        await UpdateAsync(Change(upload.Id) with { TaskId = Optional<Guid?>.Of(task.Id) });

        Assert.Equal(task.Id, (await _uploads.FindAsync(upload.Id))!.TaskId);
    }

    [Fact]
    public async Task Updating_another_companys_upload_is_not_found()
    {
        var upload = await UploadAsync();
        var globex = await TestTenant.CreateAsync(_database, "Globex");
        _database.CurrentUser.SignInAs(globex.Owner);

        await AppErrorAssert.ThrowsAsync(ErrorKind.NotFound, () => UpdateAsync(Change(upload.Id) with { Folder = Optional<string?>.Of("theirs") }));

        Assert.Null((await _uploads.FindAsync(upload.Id))!.Folder);
    }
}
