using System.Net;
using System.Net.Http.Json;
using NovaPulse.WebApi.IntegrationTests.Infrastructure;

namespace NovaPulse.WebApi.IntegrationTests;

/// <summary>The real Cloudinary adapter pointed at a local fake that verifies every signature; deleted objects purge at once.</summary>
public sealed class CloudinaryFactory : NovaPulseFactory, IAsyncLifetime
{
    public FakeCloudinary Cloudinary { get; } = new();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(Cloudinary.HostSettings())
    {
        ["Cloudinary:DeliveryBase"] = "https://res.example.test",
        ["Uploads:DeletedRetention"] = "00:00:00",
        ["Workers:Enabled"] = "false",
    };

    Task IAsyncLifetime.InitializeAsync() => InitializeAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        Cloudinary.Dispose();
        await DisposeAsync();
    }
}

public sealed class CloudinaryUploadTests(CloudinaryFactory factory) : IClassFixture<CloudinaryFactory>
{
    private FakeCloudinary Cloudinary => factory.Cloudinary;

    [Fact]
    public async Task Uploads_go_to_cloudinary_signed_and_urls_follow_visibility_then_delete_destroys_the_asset()
    {
        var tenant = await factory.RegisterAsync();

        var response = await tenant.Owner.UploadAsync(Uploads.Png(400, 200), "photo.png", "image/png");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var upload = await response.ReadJsonAsync();
        var key = $"{tenant.CompanyId:N}/{Guid.Parse(upload["id"]!.GetValue<string>()):N}";
        Assert.True(Cloudinary.Assets.ContainsKey($"image/authenticated/{key}"));
        Assert.Equal(400, upload["width"]!.GetValue<int>());
        var privateUrl = upload["url"]!.GetValue<string>();
        Assert.StartsWith($"{Cloudinary.ApiBase}/v1_1/{FakeCloudinary.CloudName}/image/download?", privateUrl, StringComparison.Ordinal);
        Assert.Contains("expires_at=", privateUrl, StringComparison.Ordinal);
        Assert.Contains("signature=", privateUrl, StringComparison.Ordinal);
        Assert.Matches($"^https://res.example.test/{FakeCloudinary.CloudName}/image/authenticated/s--[A-Za-z0-9_-]{{8}}--/c_thumb,w_256,h_256/{key}$", upload["thumbnailUrl"]!.GetValue<string>());

        var madePublic = await (await tenant.Owner.PostAsync($"/api/v1/uploads/{upload["id"]}/make-public", null)).ReadJsonAsync();
        Assert.True(Cloudinary.Assets.ContainsKey($"image/upload/{key}"));
        Assert.Equal($"https://res.example.test/{FakeCloudinary.CloudName}/image/upload/{key}", madePublic["url"]!.GetValue<string>());
        Assert.Equal($"https://res.example.test/{FakeCloudinary.CloudName}/image/upload/c_thumb,w_256,h_256/{key}", madePublic["thumbnailUrl"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.NoContent, (await tenant.Owner.DeleteAsync($"/api/v1/uploads/{upload["id"]}")).StatusCode);
        var pass = await factory.RunUploadCleanupAsync();

        Assert.True(pass.Purged >= 1);
        Assert.Contains($"destroy image/upload/{key}", Cloudinary.Calls);
        Assert.False(Cloudinary.Assets.ContainsKey($"image/upload/{key}"));
    }

    [Fact]
    public async Task Direct_upload_to_cloudinary_with_signed_fields_then_complete()
    {
        var tenant = await factory.RegisterAsync();
        var png = Uploads.Png(120, 90);
        var target = await (await tenant.Owner.PostAsJsonAsync("/api/v1/uploads/signed-url", new { fileName = "direct.png", contentType = "image/png", size = png.Length })).ReadJsonAsync();
        var id = target["uploadId"]!.GetValue<string>();

        Assert.Equal("POST", target["method"]!.GetValue<string>());
        Assert.True(target["requiresCompletion"]!.GetValue<bool>());
        Assert.Equal($"{Cloudinary.ApiBase}/v1_1/{FakeCloudinary.CloudName}/image/upload", target["url"]!.GetValue<string>());
        await (await tenant.Owner.PostAsync($"/api/v1/uploads/{id}/complete", null)).AssertProblemAsync(HttpStatusCode.Conflict);

        var fields = target["fields"]!.AsObject().ToDictionary(f => f.Key, f => f.Value!.GetValue<string>());
        using var browser = new HttpClient();
        var tampered = new Dictionary<string, string>(fields) { ["public_id"] = "someone-else/asset" };
        var rejected = await browser.PostAsync(target["url"]!.GetValue<string>(), Form(tampered, png));
        var accepted = await browser.PostAsync(target["url"]!.GetValue<string>(), Form(fields, png));

        Assert.Equal(HttpStatusCode.Unauthorized, rejected.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var completed = await (await tenant.Owner.PostAsync($"/api/v1/uploads/{id}/complete", null)).ReadJsonAsync();
        Assert.Equal("ready", completed["status"]!.GetValue<string>());
        Assert.Equal(png.Length, completed["size"]!.GetValue<long>());
        Assert.Equal(120, completed["width"]!.GetValue<int>());
        Assert.Equal([id], (await (await tenant.Owner.GetAsync("/api/v1/uploads")).ReadJsonAsync())["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Cleanup_destroys_old_orphan_assets_of_our_key_scheme_and_leaves_everything_else()
    {
        var tenant = await factory.RegisterAsync();
        var kept = await (await tenant.Owner.UploadAsync(Uploads.Png(40, 40), "kept.png", "image/png")).ReadJsonAsync();
        var keptKey = $"image/authenticated/{tenant.CompanyId:N}/{Guid.Parse(kept["id"]!.GetValue<string>()):N}";
        var longAgo = DateTimeOffset.UtcNow.AddDays(-2);
        Cloudinary.CreatedAt[keptKey] = longAgo;
        // An upload that crashed after Cloudinary stored it but before its row committed, in each delivery/resource type.
        var orphans = new[] { "image/upload", "raw/authenticated" }.Select(type => $"{type}/{tenant.CompanyId:N}/{Guid.NewGuid():N}").ToList();
        var recentOrphan = $"video/upload/{tenant.CompanyId:N}/{Guid.NewGuid():N}";
        // Another application's asset on the same account: not our key scheme, never ours to delete.
        const string foreign = "image/upload/marketing/spring-banner";
        foreach (var asset in orphans.Append(recentOrphan).Append(foreign))
        {
            Cloudinary.Assets[asset] = [1, 2, 3];
            Cloudinary.CreatedAt[asset] = asset == recentOrphan ? DateTimeOffset.UtcNow : longAgo;
        }

        var pass = await factory.RunUploadCleanupAsync();

        Assert.Equal(2, pass.Orphans);
        Assert.All(orphans, orphan => Assert.False(Cloudinary.Assets.ContainsKey(orphan)));
        Assert.All(orphans, orphan => Assert.Contains("destroy " + orphan, Cloudinary.Calls));
        Assert.True(Cloudinary.Assets.ContainsKey(recentOrphan), "an asset younger than the grace period may still get its row");
        Assert.True(Cloudinary.Assets.ContainsKey(foreign));
        Assert.True(Cloudinary.Assets.ContainsKey(keptKey));
        Assert.Equal(HttpStatusCode.OK, (await tenant.Owner.GetAsync($"/api/v1/uploads/{kept["id"]}")).StatusCode);
    }

    private static MultipartFormDataContent Form(Dictionary<string, string> fields, byte[] file)
    {
        var form = new MultipartFormDataContent();
        foreach (var (key, value) in fields)
        {
            form.Add(new StringContent(value), key);
        }

        form.Add(new ByteArrayContent(file), "file", "direct.png");
        return form;
    }
}
