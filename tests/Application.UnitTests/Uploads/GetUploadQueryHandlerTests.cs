using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Uploads.Common;
using NovaPulse.Application.Uploads.Delete;
using NovaPulse.Application.Uploads.Get;

namespace NovaPulse.Application.UnitTests.Uploads;

public sealed class GetUploadQueryHandlerTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly TestUploads _uploads;

    public GetUploadQueryHandlerTests() => _uploads = new TestUploads(_database);

    public void Dispose()
    {
        _uploads.Dispose();
        _database.Dispose();
    }

    private async Task<UploadDto> GetAsync(Guid id)
    {
        await using var db = _database.NewContext();
        return await new GetUploadQueryHandler(db, _uploads.Urls).Handle(new GetUploadQuery(id), CancellationToken.None);
    }

    private async Task<UploadDto> UploadAsync()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        _database.CurrentUser.SignInAs(acme.Owner);
        return await _uploads.UploadAsync();
    }

    [Fact]
    public async Task A_private_upload_is_shown_with_a_download_url_signed_for_the_url_lifetime()
    {
        var upload = await UploadAsync();

        var dto = await GetAsync(upload.Id);

        Assert.Equal(upload.Id, dto.Id);
        var (expires, signature) = TestUploads.SignatureOf(dto.Url!);
        Assert.Equal((_database.Clock.GetUtcNow() + _uploads.Settings.SignedUrlLifetime).ToUnixTimeSeconds(), expires);
        Assert.True(_uploads.Signer.IsValid("GET", upload.Id, UploadUrls.Original, expires, signature));
    }

    [Fact]
    public async Task Another_companys_upload_is_not_found()
    {
        var upload = await UploadAsync();
        var globex = await TestTenant.CreateAsync(_database, "Globex");
        _database.CurrentUser.SignInAs(globex.Owner);

        await AppErrorAssert.ThrowsAsync(ErrorKind.NotFound, () => GetAsync(upload.Id));
    }

    [Fact]
    public async Task A_deleted_upload_is_not_found()
    {
        var upload = await UploadAsync();
        await using (var db = _database.NewContext())
        {
            await new DeleteUploadCommandHandler(db, _database.Clock).Handle(new DeleteUploadCommand(upload.Id), CancellationToken.None);
        }

        await AppErrorAssert.ThrowsAsync(ErrorKind.NotFound, () => GetAsync(upload.Id));
    }
}
