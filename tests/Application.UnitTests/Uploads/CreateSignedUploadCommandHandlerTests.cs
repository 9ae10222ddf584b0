using System.Text.RegularExpressions;
using FluentValidation;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Common.Options;
using NovaPulse.Application.Uploads.Common;
using NovaPulse.Domain.Uploads;
using static NovaPulse.Application.UnitTests.TestTasks;

namespace NovaPulse.Application.UnitTests.Uploads;

public sealed partial class CreateSignedUploadCommandHandlerTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly TestUploads _uploads;

    public CreateSignedUploadCommandHandlerTests() => _uploads = new TestUploads(_database, new UploadSettings { MaxUploadBytes = 100, DefaultStorageQuotaBytes = 150 });

    public void Dispose()
    {
        _uploads.Dispose();
        _database.Dispose();
    }

    [Fact]
    public async Task Reserving_writes_a_pending_row_of_the_announced_size_and_answers_a_signed_put_url()
    {
        var acme = await TestTenant.CreateSignedInAsync(_database, "Acme");

        var response = await _uploads.ReserveAsync("report.pdf", 80, "application/pdf");

        var stored = await _uploads.FindAsync(response.UploadId);
        Assert.NotNull(stored);
        Assert.Equal(UploadStatus.Pending, stored.Status);
        Assert.Equal(acme.Company.Id, stored.CompanyId);
        Assert.Equal(80, stored.Size);
        Assert.Equal("application/pdf", stored.ContentType);
        Assert.Empty(await _uploads.UploadEventsAsync());

        Assert.Equal("PUT", response.Method);
        Assert.False(response.RequiresCompletion);
        Assert.Equal(_database.Clock.GetUtcNow() + _uploads.Settings.SignedUrlLifetime, response.ExpiresAt);
        var match = SignedPut().Match(response.Url);
        Assert.True(match.Success, response.Url);
        Assert.Equal(response.UploadId, Guid.Parse(match.Groups["id"].Value));
        Assert.Equal(response.ExpiresAt.ToUnixTimeSeconds(), long.Parse(match.Groups["expires"].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(_uploads.Signer.IsValid("PUT", response.UploadId, UploadUrls.Original, response.ExpiresAt.ToUnixTimeSeconds(), match.Groups["signature"].Value));
    }

    [Fact]
    public async Task A_declared_type_outside_the_allow_list_is_unsupported_and_nothing_is_reserved()
    {
        await TestTenant.CreateSignedInAsync(_database, "Acme");

        await AppErrorAssert.ThrowsAsync(ErrorKind.UnsupportedMediaType, () => _uploads.ReserveAsync("setup.exe", 10, "application/x-msdownload"));

        Assert.Equal(0, await _uploads.CountAsync());
    }

    [Fact]
    public async Task An_announced_size_over_the_file_limit_is_too_large_and_nothing_is_reserved()
    {
        await TestTenant.CreateSignedInAsync(_database, "Acme");

        var error = await AppErrorAssert.ThrowsAsync(ErrorKind.TooLarge, () => _uploads.ReserveAsync(size: 101));

        Assert.Equal(ErrorCodes.PayloadTooLarge, error.Code);
        Assert.Equal(0, await _uploads.CountAsync());
    }

    [Fact]
    public async Task Pending_reservations_count_against_the_storage_quota()
    {
        await TestTenant.CreateSignedInAsync(_database, "Acme");
        await _uploads.ReserveAsync(size: 100);

        var error = await AppErrorAssert.ThrowsAsync(ErrorKind.LimitReached, () => _uploads.ReserveAsync(size: 51));

        Assert.Equal("storage_quota_exceeded", error.Code);
        Assert.Equal(1, await _uploads.CountAsync());
    }

    [Fact]
    public async Task Another_companys_reservations_do_not_count_against_the_quota()
    {
        var globex = await TestTenant.CreateAsync(_database, "Globex");
        _database.CurrentUser.SignInAs(globex.Owner);
        await _uploads.ReserveAsync(size: 100);
        await TestTenant.CreateSignedInAsync(_database, "Acme");

        await _uploads.ReserveAsync(size: 100);

        Assert.Equal(2, await _uploads.CountAsync());
    }

    [Fact]
    public async Task Reserving_for_a_task_of_another_company_is_a_validation_error()
    {
        var globex = await TestTenant.CreateAsync(_database, "Globex");
        _database.CurrentUser.SignInAs(globex.Owner);
        var theirs = await _database.CreateTaskAsync(NewTask("Globex task"));
        await TestTenant.CreateSignedInAsync(_database, "Acme");

        await Assert.ThrowsAsync<ValidationException>(() => _uploads.ReserveAsync(taskId: theirs.Id));

        Assert.Equal(0, await _uploads.CountAsync());
    }

    [GeneratedRegex("^/api/v1/uploads/(?<id>[0-9a-f-]{36})/content\\?expires=(?<expires>[0-9]+)&signature=(?<signature>[A-Za-z0-9_-]+)$")]
    private static partial Regex SignedPut();
}
