using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Uploads.Common;
using NovaPulse.Application.Uploads.SetVisibility;

namespace NovaPulse.Application.UnitTests.Uploads;

public sealed class SetUploadVisibilityCommandHandlerTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly TestUploads _uploads;

    public SetUploadVisibilityCommandHandlerTests() => _uploads = new TestUploads(_database);

    public void Dispose()
    {
        _uploads.Dispose();
        _database.Dispose();
    }

    private async Task<UploadDto> SetAsync(Guid id, bool isPublic)
    {
        await using var db = _database.NewContext();
        return await new SetUploadVisibilityCommandHandler(db, _uploads.Storage, _uploads.Urls, _database.Clock)
            .Handle(new SetUploadVisibilityCommand(id, isPublic), CancellationToken.None);
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
    public async Task Making_an_upload_public_stores_it_bumps_the_version_and_drops_the_signature_from_its_url()
    {
        var upload = await UploadAsync();
        Assert.Contains("signature=", upload.Url);

        var dto = await SetAsync(upload.Id, isPublic: true);

        Assert.True(dto.IsPublic);
        Assert.Equal($"/api/v1/uploads/{upload.Id}/content", dto.Url);
        var stored = await _uploads.FindAsync(upload.Id);
        Assert.True(stored!.IsPublic);
        Assert.Equal(upload.Version + 1, stored.Version);
        Assert.Equal(_database.Clock.GetUtcNow(), stored.UpdatedAt);
    }

    [Fact]
    public async Task Setting_the_visibility_it_already_has_changes_nothing()
    {
        var upload = await UploadAsync();

        await SetAsync(upload.Id, isPublic: false);

        var stored = await _uploads.FindAsync(upload.Id);
        Assert.Equal(upload.Version, stored!.Version);
        Assert.Equal(upload.UpdatedAt, stored.UpdatedAt);
    }

    [Fact]
    public async Task Another_companys_upload_is_not_found_and_stays_private()
    {
        var upload = await UploadAsync();
        var globex = await TestTenant.CreateAsync(_database, "Globex");
        _database.CurrentUser.SignInAs(globex.Owner);

        await AppErrorAssert.ThrowsAsync(ErrorKind.NotFound, () => SetAsync(upload.Id, isPublic: true));

        Assert.False((await _uploads.FindAsync(upload.Id))!.IsPublic);
    }
}
