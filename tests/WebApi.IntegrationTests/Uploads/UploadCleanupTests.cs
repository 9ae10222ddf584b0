using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using NovaPulse.WebApi.IntegrationTests.Infrastructure;

namespace NovaPulse.WebApi.IntegrationTests;

/// <summary>A host of its own, because this test moves its clock a day ahead; the worker is off, passes are run explicitly.</summary>
public sealed class UploadCleanupFactory : NovaPulseFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Workers:Enabled"] = "false" };
}

public sealed class UploadCleanupTests(UploadCleanupFactory factory) : IClassFixture<UploadCleanupFactory>
{
    [Fact]
    public async Task Cleanup_purges_deleted_abandoned_and_orphan_objects_and_is_safe_to_run_concurrently()
    {
        var tenant = await factory.RegisterAsync();
        var kept = await (await tenant.Owner.UploadAsync(Uploads.Text("keep me"), "kept.txt")).ReadJsonAsync();
        var deleted = await (await tenant.Owner.UploadAsync(Uploads.Png(32, 32), "gone.png")).ReadJsonAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await tenant.Owner.DeleteAsync($"/api/v1/uploads/{deleted["id"]}")).StatusCode);
        var pending = await (await tenant.Owner.PostAsJsonAsync("/api/v1/uploads/signed-url", new { fileName = "never.pdf", contentType = "application/pdf", size = 100 })).ReadJsonAsync();
        var companyFolder = Path.Combine(factory.UploadsFolder(), tenant.CompanyId.ToString("N"));
        var orphan = Path.Combine(companyFolder, Guid.NewGuid().ToString("N"));
        await File.WriteAllTextAsync(orphan, "no row points here");
        var staleTemp = Path.Combine(factory.UploadsFolder(), ".tmp", Guid.NewGuid().ToString("N"));
        await File.WriteAllTextAsync(staleTemp, "a crashed write");
        var deletedFiles = Directory.GetFiles(companyFolder, deleted["id"]!.GetValue<string>().Replace("-", "", StringComparison.Ordinal) + "*");
        Assert.Equal(2, deletedFiles.Length); // the original and its thumbnail

        var early = await factory.RunUploadCleanupAsync();
        Assert.Equal(new(0, 0, 0), early);
        Assert.All(deletedFiles, f => Assert.True(File.Exists(f)));

        factory.Clock.Advance(TimeSpan.FromHours(25));
        var passes = await Task.WhenAll(factory.RunUploadCleanupAsync(), factory.RunUploadCleanupAsync());

        Assert.InRange(passes.Sum(p => p.Purged), 1, 2);
        Assert.InRange(passes.Sum(p => p.Abandoned), 1, 2);
        Assert.All(deletedFiles, f => Assert.False(File.Exists(f)));
        Assert.False(File.Exists(orphan));
        Assert.False(File.Exists(staleTemp));
        Assert.Single(Directory.GetFiles(companyFolder));
        var rows = await factory.WithDbAsync(db => db.Uploads.IgnoreTenant().Where(u => u.CompanyId == tenant.CompanyId).ToListAsync());
        Assert.NotNull(rows.Single(u => u.Id == Guid.Parse(deleted["id"]!.GetValue<string>())).PurgedAt);
        var abandoned = rows.Single(u => u.Id == Guid.Parse(pending["uploadId"]!.GetValue<string>()));
        Assert.NotNull(abandoned.PurgedAt);
        Assert.NotNull(abandoned.DeletedAt);
        Assert.Null(rows.Single(u => u.Id == Guid.Parse(kept["id"]!.GetValue<string>())).DeletedAt);

        Assert.Equal(new(0, 0, 0), await factory.RunUploadCleanupAsync());
    }
}
