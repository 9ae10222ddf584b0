using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.WebApi.IntegrationTests.Infrastructure;

namespace NovaPulse.WebApi.IntegrationTests;

/// <summary>A host with small upload limits (256 KiB per file, 600 KiB per company) and no background workers.</summary>
public sealed class UploadsFactory : NovaPulseFactory
{
    public const int MaxUploadBytes = 256 * 1024;
    public const int QuotaBytes = 600 * 1024;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Uploads:MaxUploadBytes"] = MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Uploads:DefaultStorageQuotaBytes"] = QuotaBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Workers:Enabled"] = "false",
    };
}

public sealed class UploadTests(UploadsFactory factory) : IClassFixture<UploadsFactory>
{
    [Fact]
    public async Task Upload_then_list_with_each_filter_download_patch_and_make_public()
    {
        var tenant = await factory.RegisterAsync();
        var (member, memberId) = await tenant.AddMemberAsync("member");
        var task = await tenant.Owner.CreateTaskAsync(new { title = "launch" });
        var taskId = task["id"]!.GetValue<string>();
        var png = Uploads.Png();

        var created = await tenant.Owner.UploadAsync(png, "banner.png", "image/png", new { folder = "marketing/2026", tags = "hero,launch", taskId });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var image = await created.ReadJsonAsync();
        var pdfResponse = await member.UploadAsync(Uploads.Pdf(), "terms.pdf", "application/pdf", new { isPublic = true, tags = new[] { "legal" } });
        Assert.Equal(HttpStatusCode.Created, pdfResponse.StatusCode);
        var pdf = await pdfResponse.ReadJsonAsync();

        Assert.Equal("banner.png", image["name"]!.GetValue<string>());
        Assert.Equal("image/png", image["contentType"]!.GetValue<string>());
        Assert.Equal("image", image["kind"]!.GetValue<string>());
        Assert.Equal(png.Length, image["size"]!.GetValue<long>());
        Assert.Equal(600, image["width"]!.GetValue<int>());
        Assert.Equal(300, image["height"]!.GetValue<int>());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(png)), image["checksum"]!.GetValue<string>());
        Assert.Equal("marketing/2026", image["folder"]!.GetValue<string>());
        Assert.Equal(["hero", "launch"], image["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal(tenant.OwnerId.ToString(), image["createdBy"]!.GetValue<string>());
        Assert.False(image["isPublic"]!.GetValue<bool>());
        Assert.Contains("signature=", image["url"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("variant=thumbnail", image["thumbnailUrl"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("document", pdf["kind"]!.GetValue<string>());
        Assert.DoesNotContain("signature=", pdf["url"]!.GetValue<string>(), StringComparison.Ordinal);

        var imageId = image["id"]!.GetValue<string>();
        var pdfId = pdf["id"]!.GetValue<string>();
        var from = Uri.EscapeDataString(image["createdAt"]!.GetValue<string>());
        var to = Uri.EscapeDataString(pdf["createdAt"]!.GetValue<string>());
        async Task<string[]> Ids(string query) =>
            [.. (await (await tenant.Owner.GetAsync("/api/v1/uploads" + query)).ReadJsonAsync())["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>())];

        Assert.Equal([pdfId, imageId], await Ids(""));
        Assert.Equal([imageId], await Ids("?kind=image"));
        Assert.Equal([pdfId], await Ids("?kind=document"));
        Assert.Equal([imageId], await Ids("?folder=marketing/2026"));
        Assert.Equal([pdfId], await Ids("?tag=legal"));
        Assert.Equal([imageId], await Ids("?search=BANNER"));
        Assert.Equal([pdfId], await Ids("?isPublic=true"));
        Assert.Equal([imageId], await Ids("?isPublic=false"));
        Assert.Equal([imageId], await Ids($"?taskId={taskId}"));
        Assert.Equal([pdfId], await Ids($"?createdBy={memberId}"));
        Assert.Equal([imageId], await Ids($"?from={from}&to={to}"));
        Assert.Equal([pdfId], await Ids($"?from={to}"));

        var firstPage = await (await tenant.Owner.GetAsync("/api/v1/uploads?limit=1")).ReadJsonAsync();
        Assert.Equal([pdfId], firstPage["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()));
        Assert.Equal([imageId], await Ids($"?limit=1&cursor={firstPage["nextCursor"]!.GetValue<string>()}"));

        var download = await tenant.Owner.GetAsync($"/api/v1/uploads/{imageId}/content");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("image/png", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("inline", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("banner.png", download.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal(png, await download.Content.ReadAsByteArrayAsync());
        Assert.NotNull(download.Headers.ETag);

        var thumbnail = await tenant.Owner.GetAsync($"/api/v1/uploads/{imageId}/content?variant=thumbnail");
        Assert.Equal(HttpStatusCode.OK, thumbnail.StatusCode);
        using (var decoded = SkiaSharp.SKBitmap.Decode(await thumbnail.Content.ReadAsByteArrayAsync()))
        {
            Assert.Equal(256, decoded.Width);
            Assert.Equal(128, decoded.Height);
        }

        var patched = await tenant.Owner.PatchAsJsonAsync($"/api/v1/uploads/{imageId}", new { name = "../hero.png", folder = (string?)null, tags = new[] { "final" } });
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var patchedBody = await patched.ReadJsonAsync();
        Assert.Equal("hero.png", patchedBody["name"]!.GetValue<string>());
        Assert.Null(patchedBody["folder"]);
        Assert.Equal(["final"], patchedBody["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal(taskId, patchedBody["taskId"]!.GetValue<string>());

        var anonymous = factory.Anonymous();
        await (await anonymous.GetAsync($"/api/v1/uploads/{imageId}/content")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        var madePublic = await (await tenant.Owner.PostAsync($"/api/v1/uploads/{imageId}/make-public", null)).ReadJsonAsync();
        Assert.True(madePublic["isPublic"]!.GetValue<bool>());
        var stableUrl = madePublic["url"]!.GetValue<string>();
        Assert.Equal($"/api/v1/uploads/{imageId}/content", stableUrl);
        Assert.Equal(png, await anonymous.GetByteArrayAsync(stableUrl));

        var madePrivate = await (await tenant.Owner.PostAsync($"/api/v1/uploads/{imageId}/make-private", null)).ReadJsonAsync();
        Assert.False(madePrivate["isPublic"]!.GetValue<bool>());
        await (await anonymous.GetAsync(stableUrl)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(png, await anonymous.GetByteArrayAsync(madePrivate["url"]!.GetValue<string>()));

        var events = await factory.WithDbAsync(db => db.OutboxMessages.IgnoreTenant()
            .Where(m => m.CompanyId == tenant.CompanyId && m.Type.StartsWith("upload.")).Select(m => m.Type).ToListAsync());
        Assert.Equal(["upload.created", "upload.created"], events);
    }

    [Fact]
    public async Task Downloads_support_ranges_and_conditional_requests()
    {
        var tenant = await factory.RegisterAsync();
        var text = string.Concat(Enumerable.Range(0, 100).Select(i => $"line {i:000}\n"));
        var upload = await (await tenant.Owner.UploadAsync(Uploads.Text(text), "log.txt", "text/plain")).ReadJsonAsync();
        var url = $"/api/v1/uploads/{upload["id"]}/content";

        var range = new HttpRequestMessage(HttpMethod.Get, url);
        range.Headers.Range = new RangeHeaderValue(9, 17);
        var partial = await tenant.Owner.SendAsync(range);

        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal("line 001\n", await partial.Content.ReadAsStringAsync());
        Assert.Equal(text.Length, partial.Content.Headers.ContentRange!.Length);
        Assert.Equal("attachment", partial.Content.Headers.ContentDisposition!.DispositionType);

        var conditional = new HttpRequestMessage(HttpMethod.Get, url);
        conditional.Headers.IfNoneMatch.Add((await tenant.Owner.GetAsync(url)).Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await tenant.Owner.SendAsync(conditional)).StatusCode);
    }

    [Fact]
    public async Task Signed_url_flow_uploads_without_a_bearer_token_and_completes_the_upload()
    {
        var tenant = await factory.RegisterAsync();
        var png = Uploads.Png(64, 64);

        var response = await tenant.Owner.PostAsJsonAsync("/api/v1/uploads/signed-url", new { fileName = "avatar.png", contentType = "image/png", size = png.Length, folder = "avatars" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var target = await response.ReadJsonAsync();
        Assert.Equal("PUT", target["method"]!.GetValue<string>());
        var url = target["url"]!.GetValue<string>();
        Assert.Matches(@"^/api/v1/uploads/[0-9a-f-]{36}/content\?expires=\d+&signature=[A-Za-z0-9_-]+$", url);
        var id = target["uploadId"]!.GetValue<string>();
        Assert.Empty((await (await tenant.Owner.GetAsync("/api/v1/uploads")).ReadJsonAsync())["items"]!.AsArray());

        var anonymous = factory.Anonymous();
        var put = await anonymous.PutAsync(url, new ByteArrayContent(png) { Headers = { ContentType = new MediaTypeHeaderValue("image/png") } });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var completed = await put.ReadJsonAsync();
        Assert.Equal("ready", completed["status"]!.GetValue<string>());
        Assert.Equal(64, completed["width"]!.GetValue<int>());
        Assert.Equal("avatars", completed["folder"]!.GetValue<string>());

        var again = await anonymous.PutAsync(url, new ByteArrayContent(png));
        await again.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(png, await anonymous.GetByteArrayAsync(completed["url"]!.GetValue<string>()));
        Assert.Equal([id], (await (await tenant.Owner.GetAsync("/api/v1/uploads")).ReadJsonAsync())["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Forged_tampered_and_expired_signatures_are_403()
    {
        var tenant = await factory.RegisterAsync();
        var upload = await (await tenant.Owner.UploadAsync(Uploads.Pdf(), "secret.pdf")).ReadJsonAsync();
        var url = upload["url"]!.GetValue<string>();
        var anonymous = factory.Anonymous();
        var forged = System.Text.RegularExpressions.Regex.Replace(url, "signature=[^&]+", "signature=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        var extended = System.Text.RegularExpressions.Regex.Replace(url, @"expires=(\d+)", m => $"expires={long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 3600}");

        await (await anonymous.GetAsync(forged)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await anonymous.GetAsync(extended)).AssertProblemAsync(HttpStatusCode.Forbidden);
        var signed = await tenant.Owner.PostAsJsonAsync("/api/v1/uploads/signed-url", new { fileName = "a.txt", contentType = "text/plain", size = 5 });
        var putUrl = (await signed.ReadJsonAsync())["url"]!.GetValue<string>();
        await (await anonymous.PutAsync(putUrl.Replace("signature=", "signature=x", StringComparison.Ordinal), new StringContent("hello"))).AssertProblemAsync(HttpStatusCode.Forbidden);

        // Correctly signed, but already expired (signed by the host's own signer, no time travel needed).
        var signer = factory.Services.GetRequiredService<IUploadUrlSigner>();
        var expired = factory.Clock.GetUtcNow().AddSeconds(-1).ToUnixTimeSeconds();
        var id = Guid.Parse(upload["id"]!.GetValue<string>());
        var uploadId = Guid.Parse(putUrl.Split('/')[4]);
        await (await anonymous.GetAsync($"/api/v1/uploads/{id}/content?expires={expired}&signature={signer.Sign("GET", id, "original", expired)}"))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await anonymous.PutAsync($"/api/v1/uploads/{uploadId}/content?expires={expired}&signature={signer.Sign("PUT", uploadId, "original", expired)}", new StringContent("hello")))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await anonymous.GetAsync($"/api/v1/uploads/{id}/content?expires={expired + 120}&signature={signer.Sign("PUT", id, "original", expired + 120)}"))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Bad_uploads_are_rejected_with_problem_details()
    {
        var tenant = await factory.RegisterAsync();

        var noFile = await tenant.Owner.UploadAsync(null, fields: new { folder = "x" });
        var empty = await tenant.Owner.UploadAsync([], "empty.txt", "text/plain");
        var oversize = await tenant.Owner.UploadAsync(Uploads.Pdf(UploadsFactory.MaxUploadBytes + 1), "big.pdf");
        var disguised = await tenant.Owner.UploadAsync(Uploads.Executable(), "photo.png", "image/png");
        var exe = await tenant.Owner.UploadAsync(Uploads.Executable(), "setup.exe", "application/octet-stream");
        var contradicting = await tenant.Owner.UploadAsync(Uploads.Png(8, 8), "invoice.pdf", "application/pdf");
        var json = await tenant.Owner.PostAsJsonAsync("/api/v1/uploads", new { file = "x" });
        var signedExe = await tenant.Owner.PostAsJsonAsync("/api/v1/uploads/signed-url", new { fileName = "run.exe", contentType = "application/x-msdownload", size = 10 });
        var signedBig = await tenant.Owner.PostAsJsonAsync("/api/v1/uploads/signed-url", new { fileName = "a.pdf", contentType = "application/pdf", size = UploadsFactory.MaxUploadBytes + 1 });

        var noFileProblem = await noFile.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(noFileProblem["errors"]!["file"]);
        await empty.AssertProblemAsync(HttpStatusCode.BadRequest);
        var tooLarge = await oversize.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(UploadsFactory.MaxUploadBytes, tooLarge["limit"]!.GetValue<long>());
        await disguised.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await exe.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await contradicting.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await json.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await signedExe.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await signedBig.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        Assert.Empty((await (await tenant.Owner.GetAsync("/api/v1/uploads")).ReadJsonAsync())["items"]!.AsArray());
        var stored = await factory.WithDbAsync(db => db.Uploads.IgnoreTenant().CountAsync(u => u.CompanyId == tenant.CompanyId));
        Assert.Equal(0, stored);
        var leftovers = Directory.Exists(Path.Combine(factory.UploadsFolder(), tenant.CompanyId.ToString("N")))
            ? Directory.GetFiles(Path.Combine(factory.UploadsFolder(), tenant.CompanyId.ToString("N")))
            : [];
        Assert.Empty(leftovers);
    }

    [Fact]
    public async Task Pngs_declaring_more_pixels_than_the_cap_are_stored_with_their_size_but_no_thumbnail()
    {
        var tenant = await factory.RegisterAsync();
        var bomb = Uploads.BandedPng(6000, 6000); // 36 MP declared in about 45 KB; the default cap is 25 MP

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => tenant.Owner.UploadAsync(bomb, $"bomb-{i}.png", "image/png")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var upload = await responses[0].ReadJsonAsync();
        Assert.Equal("image", upload["kind"]!.GetValue<string>());
        Assert.Equal(6000, upload["width"]!.GetValue<int>());
        Assert.Equal(6000, upload["height"]!.GetValue<int>());
        Assert.Null(upload["thumbnailUrl"]);
        await (await tenant.Owner.GetAsync($"/api/v1/uploads/{upload["id"]}/content?variant=thumbnail")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(bomb, await tenant.Owner.GetByteArrayAsync($"/api/v1/uploads/{upload["id"]}/content"));
    }

    [Theory]
    [InlineData("a.exe")]
    [InlineData("a.svg")]
    [InlineData("../../a.html")]
    [InlineData("a.pdf")]
    [InlineData("a.jpg")]
    [InlineData("a.png\u202Egpj.exe")] // a bidi override hiding .exe: stripped, still .exe
    public async Task Renaming_to_a_name_the_upload_would_refuse_is_the_same_415_and_changes_nothing(string name)
    {
        var tenant = await factory.RegisterAsync();
        var png = Uploads.Png(8, 8);
        var created = await (await tenant.Owner.UploadAsync(png, "a.png", "image/png", new { tags = "keep" })).ReadJsonAsync();
        var id = created["id"]!.GetValue<string>();

        var uploadProblem = await (await tenant.Owner.UploadAsync(png, name, "image/png")).AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        var renameProblem = await (await tenant.Owner.PatchAsJsonAsync($"/api/v1/uploads/{id}", new { name, tags = new[] { "changed" } }))
            .AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);

        Assert.Equal(uploadProblem["title"]!.GetValue<string>(), renameProblem["title"]!.GetValue<string>());
        Assert.Equal(uploadProblem["detail"]!.GetValue<string>(), renameProblem["detail"]!.GetValue<string>());
        var after = await (await tenant.Owner.GetAsync($"/api/v1/uploads/{id}")).ReadJsonAsync();
        Assert.Equal("a.png", after["name"]!.GetValue<string>());
        Assert.Equal(["keep"], after["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal(created["version"]!.GetValue<int>(), after["version"]!.GetValue<int>());
        var download = await tenant.Owner.GetAsync($"/api/v1/uploads/{id}/content");
        Assert.Equal("a.png", download.Content.Headers.ContentDisposition!.FileNameStar);
    }

    [Fact]
    public async Task Renaming_keeps_to_the_extension_rules_of_uploading()
    {
        var tenant = await factory.RegisterAsync();
        var png = (await (await tenant.Owner.UploadAsync(Uploads.Png(8, 8), "a.png", "image/png")).ReadJsonAsync())["id"]!.GetValue<string>();
        byte[] zip = [0x50, 0x4B, 0x03, 0x04, .. new byte[60]];
        var docx = (await (await tenant.Owner.UploadAsync(zip, "report.docx")).ReadJsonAsync())["id"]!.GetValue<string>();
        var notes = (await (await tenant.Owner.UploadAsync(Uploads.Text("a,b"), "notes.txt", "text/plain")).ReadJsonAsync())["id"]!.GetValue<string>();
        async Task<HttpStatusCode> Rename(string id, string name) => (await tenant.Owner.PatchAsJsonAsync($"/api/v1/uploads/{id}", new { name })).StatusCode;

        Assert.Equal(HttpStatusCode.OK, await Rename(png, "b.PNG"));
        Assert.Equal(HttpStatusCode.OK, await Rename(png, "photo")); // no extension claims no type, as when uploading
        Assert.Equal(HttpStatusCode.OK, await Rename(notes, "notes.csv")); // text flavours are interchangeable
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, await Rename(notes, "notes.png"));
        Assert.Equal(HttpStatusCode.OK, await Rename(docx, "final.docx"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, await Rename(docx, "final.xlsx"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, await Rename(docx, "final.zip")); // a zip is let in only as its Office type
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, await Rename(docx, "final"));
        Assert.Equal("final.docx", (await (await tenant.Owner.GetAsync($"/api/v1/uploads/{docx}")).ReadJsonAsync())["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Path_traversal_names_are_sanitized_and_never_reach_the_file_system()
    {
        var tenant = await factory.RegisterAsync();

        var response = await tenant.Owner.UploadAsync(Uploads.Text("hi"), "../../../etc/passwd.txt", "text/plain");
        var windows = await tenant.Owner.UploadAsync(Uploads.Text("hi"), "..\\..\\boot.ini.txt", "text/plain");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("passwd.txt", (await response.ReadJsonAsync())["name"]!.GetValue<string>());
        Assert.Equal("boot.ini.txt", (await windows.ReadJsonAsync())["name"]!.GetValue<string>());
        var files = Directory.GetFiles(factory.UploadsFolder(), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(factory.UploadsFolder(), f));
        Assert.DoesNotContain(files, f => f.Contains("passwd", StringComparison.Ordinal) || f.Contains("boot", StringComparison.Ordinal));
        Assert.False(File.Exists(Path.Combine(factory.DataDirectory, "etc", "passwd.txt")));
    }

    [Fact]
    public async Task Storage_quota_is_402_with_usage_and_limit()
    {
        var tenant = await factory.RegisterAsync();
        var chunk = Uploads.Pdf(250 * 1024);
        Assert.Equal(HttpStatusCode.Created, (await tenant.Owner.UploadAsync(chunk, "a.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await tenant.Owner.UploadAsync(chunk, "b.pdf")).StatusCode);

        var third = await tenant.Owner.UploadAsync(chunk, "c.pdf");
        var signed = await tenant.Owner.PostAsJsonAsync("/api/v1/uploads/signed-url", new { fileName = "d.pdf", contentType = "application/pdf", size = chunk.Length });

        var problem = await third.AssertProblemAsync(HttpStatusCode.PaymentRequired);
        Assert.Equal(2 * chunk.Length, problem["usage"]!.GetValue<long>());
        Assert.Equal(UploadsFactory.QuotaBytes, problem["limit"]!.GetValue<long>());
        await signed.AssertProblemAsync(HttpStatusCode.PaymentRequired);
        Assert.Equal(2, (await (await tenant.Owner.GetAsync("/api/v1/uploads")).ReadJsonAsync())["items"]!.AsArray().Count);
    }

    [Fact]
    public async Task Concurrent_uploads_never_overshoot_the_quota_and_refused_ones_leave_no_file()
    {
        var tenant = await factory.RegisterAsync();
        var chunk = Uploads.Pdf(250 * 1024);
        Assert.Equal(HttpStatusCode.Created, (await tenant.Owner.UploadAsync(chunk, "first.pdf")).StatusCode);

        var race = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => tenant.Owner.UploadAsync(chunk, $"race-{i}.pdf")));

        Assert.Single(race, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(race.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.PaymentRequired, r.StatusCode));
        var usage = await (await tenant.Owner.GetAsync("/api/v1/uploads/usage")).ReadJsonAsync();
        Assert.Equal(2 * chunk.Length, usage["usedBytes"]!.GetValue<long>());
        Assert.Equal(2, Directory.GetFiles(Path.Combine(factory.UploadsFolder(), tenant.CompanyId.ToString("N"))).Length);
    }

    [Fact]
    public async Task Concurrent_signed_url_reservations_never_overshoot_the_quota()
    {
        var tenant = await factory.RegisterAsync();
        Assert.Equal(HttpStatusCode.Created, (await tenant.Owner.UploadAsync(Uploads.Pdf(250 * 1024), "first.pdf")).StatusCode);

        var race = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => tenant.Owner.PostAsJsonAsync(
            "/api/v1/uploads/signed-url", new { fileName = $"race-{i}.pdf", contentType = "application/pdf", size = 250 * 1024 })));

        Assert.Single(race, r => r.IsSuccessStatusCode);
        Assert.All(race.Where(r => !r.IsSuccessStatusCode), r => Assert.Equal(HttpStatusCode.PaymentRequired, r.StatusCode));
    }

    [Fact]
    public async Task Storage_usage_counts_the_companys_own_files_against_its_quota_and_drops_deleted_ones()
    {
        var a = await factory.RegisterAsync();
        var b = await factory.RegisterAsync();
        var png = Uploads.Png();
        var text = Uploads.Text("usage");
        var image = await (await a.Owner.UploadAsync(png, "a.png", "image/png")).ReadJsonAsync();
        await b.Owner.UploadAsync(text, "b.txt");

        var usage = await (await a.Owner.GetAsync("/api/v1/uploads/usage")).ReadJsonAsync();
        Assert.Equal(png.Length, usage["usedBytes"]!.GetValue<long>());
        Assert.Equal(UploadsFactory.QuotaBytes, usage["quotaBytes"]!.GetValue<long>());
        Assert.Equal(UploadsFactory.MaxUploadBytes, usage["maxUploadBytes"]!.GetValue<long>());
        Assert.Equal(text.Length, (await (await b.Owner.GetAsync("/api/v1/uploads/usage")).ReadJsonAsync())["usedBytes"]!.GetValue<long>());

        Assert.Equal(HttpStatusCode.NoContent, (await a.Owner.DeleteAsync($"/api/v1/uploads/{image["id"]}")).StatusCode);
        Assert.Equal(0, (await (await a.Owner.GetAsync("/api/v1/uploads/usage")).ReadJsonAsync())["usedBytes"]!.GetValue<long>());
        await (await factory.Anonymous().GetAsync("/api/v1/uploads/usage")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Another_companys_upload_is_404_everywhere()
    {
        var a = await factory.RegisterAsync();
        var b = await factory.RegisterAsync();
        var upload = await (await a.Owner.UploadAsync(Uploads.Text("classified"), "secret.txt")).ReadJsonAsync();
        var url = $"/api/v1/uploads/{upload["id"]}";

        var responses = new[]
        {
            await b.Owner.GetAsync(url),
            await b.Owner.PatchAsJsonAsync(url, new { name = "pwned.txt" }),
            await b.Owner.DeleteAsync(url),
            await b.Owner.GetAsync(url + "/content"),
            await b.Owner.PostAsync(url + "/make-public", null),
            await b.Owner.PostAsync(url + "/complete", null),
        };

        foreach (var response in responses)
        {
            await response.AssertProblemAsync(HttpStatusCode.NotFound);
            Assert.DoesNotContain("classified", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal("secret.txt", (await (await a.Owner.GetAsync(url)).ReadJsonAsync())["name"]!.GetValue<string>());
        Assert.Empty((await (await b.Owner.GetAsync("/api/v1/uploads")).ReadJsonAsync())["items"]!.AsArray());
    }

    [Fact]
    public async Task Deleting_hides_the_upload_at_once_and_emits_upload_deleted()
    {
        var tenant = await factory.RegisterAsync();
        var upload = await (await tenant.Owner.UploadAsync(Uploads.Text("bye"), "bye.txt")).ReadJsonAsync();
        var url = $"/api/v1/uploads/{upload["id"]}";
        var signedUrl = upload["url"]!.GetValue<string>();

        Assert.Equal(HttpStatusCode.NoContent, (await tenant.Owner.DeleteAsync(url)).StatusCode);

        await (await tenant.Owner.GetAsync(url)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await factory.Anonymous().GetAsync(signedUrl)).AssertProblemAsync(HttpStatusCode.NotFound);
        var deleted = await factory.WithDbAsync(db => db.OutboxMessages.IgnoreTenant()
            .SingleAsync(m => m.CompanyId == tenant.CompanyId && m.Type == "upload.deleted"));
        Assert.Equal(upload["id"]!.GetValue<string>(), JsonNode.Parse(deleted.Payload)!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_idempotency_key_does_not_buffer_or_replay_multipart_uploads()
    {
        var tenant = await factory.RegisterAsync();
        var form = () =>
        {
            var content = new MultipartFormDataContent { { new ByteArrayContent(Uploads.Text("once")), "file", "once.txt" } };
            return new HttpRequestMessage(HttpMethod.Post, "/api/v1/uploads") { Content = content, Headers = { { "Idempotency-Key", "same-key" } } };
        };

        var first = await tenant.Owner.SendAsync(form());
        var second = await tenant.Owner.SendAsync(form());

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.False(second.Headers.Contains("Idempotent-Replayed"));
    }
}
