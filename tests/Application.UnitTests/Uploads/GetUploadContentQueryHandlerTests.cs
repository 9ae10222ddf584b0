using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Uploads.Common;
using NovaPulse.Application.Uploads.Download;

namespace NovaPulse.Application.UnitTests.Uploads;

public sealed class GetUploadContentQueryHandlerTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly TestUploads _uploads;

    public GetUploadContentQueryHandlerTests() => _uploads = new TestUploads(_database);

    public void Dispose()
    {
        _uploads.Dispose();
        _database.Dispose();
    }

    private async Task<string> DownloadAsync(Guid id, string? variant = null, long? expires = null, string? signature = null)
    {
        await using var db = _database.NewContext();
        var handler = new GetUploadContentQueryHandler(db, _database.CurrentUser, _uploads.Storage, _uploads.Signer, _uploads.Thumbnails, _uploads.Urls, _database.Clock);
        var content = await handler.Handle(new GetUploadContentQuery(id, variant, expires, signature), CancellationToken.None);
        Assert.NotNull(content.Content);
        await using var stream = content.Content;
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }

    private async Task<UploadDto> UploadAsync(bool isPublic = false)
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        _database.CurrentUser.SignInAs(acme.Owner);
        return await _uploads.UploadAsync(isPublic: isPublic);
    }

    private async Task SignInElsewhereAsync()
    {
        var globex = await TestTenant.CreateAsync(_database, "Globex");
        _database.CurrentUser.SignInAs(globex.Owner);
    }

    [Fact]
    public async Task A_member_of_the_owning_company_gets_the_bytes()
    {
        var upload = await UploadAsync();

        Assert.Equal("hello, world", await DownloadAsync(upload.Id));
    }

    [Fact]
    public async Task Anyone_with_the_signed_url_gets_the_bytes_until_it_expires()
    {
        var upload = await UploadAsync();
        var (expires, signature) = TestUploads.SignatureOf(upload.Url!);
        _database.CurrentUser.SignOut();

        Assert.Equal("hello, world", await DownloadAsync(upload.Id, expires: expires, signature: signature));

        _database.Clock.Advance(_uploads.Settings.SignedUrlLifetime + TimeSpan.FromSeconds(1));
        var error = await AppErrorAssert.ThrowsAsync(ErrorKind.Forbidden, () => DownloadAsync(upload.Id, expires: expires, signature: signature));
        Assert.Equal(ErrorCodes.InvalidSignature, error.Code);
    }

    [Fact]
    public async Task A_signature_for_the_original_does_not_open_the_thumbnail_or_another_upload()
    {
        var upload = await UploadAsync();
        var other = await _uploads.UploadAsync("other.txt");
        var (expires, signature) = TestUploads.SignatureOf(upload.Url!);
        _database.CurrentUser.SignOut();

        await AppErrorAssert.ThrowsAsync(ErrorKind.Forbidden, () => DownloadAsync(upload.Id, UploadUrls.Thumbnail, expires, signature));
        await AppErrorAssert.ThrowsAsync(ErrorKind.Forbidden, () => DownloadAsync(other.Id, expires: expires, signature: signature));
    }

    [Fact]
    public async Task A_private_upload_without_credentials_asks_for_them()
    {
        var upload = await UploadAsync();
        _database.CurrentUser.SignOut();

        await AppErrorAssert.ThrowsAsync(ErrorKind.Unauthenticated, () => DownloadAsync(upload.Id));
    }

    [Fact]
    public async Task A_private_upload_is_not_found_for_a_member_of_another_company()
    {
        var upload = await UploadAsync();
        await SignInElsewhereAsync();

        await AppErrorAssert.ThrowsAsync(ErrorKind.NotFound, () => DownloadAsync(upload.Id));
    }

    [Fact]
    public async Task A_public_upload_is_served_to_anyone()
    {
        var upload = await UploadAsync(isPublic: true);
        _database.CurrentUser.SignOut();

        Assert.Equal("hello, world", await DownloadAsync(upload.Id));
        await SignInElsewhereAsync();
        Assert.Equal("hello, world", await DownloadAsync(upload.Id));
    }

    [Fact]
    public async Task A_document_has_no_thumbnail()
    {
        var upload = await UploadAsync();

        await AppErrorAssert.ThrowsAsync(ErrorKind.NotFound, () => DownloadAsync(upload.Id, UploadUrls.Thumbnail));
    }

    [Fact]
    public async Task A_pending_upload_has_no_content_even_for_its_company()
    {
        await UploadAsync();
        var reserved = await _uploads.ReserveAsync();

        await AppErrorAssert.ThrowsAsync(ErrorKind.NotFound, () => DownloadAsync(reserved.UploadId));
    }
}
