using NovaPulse.Application.Common.Interfaces;

namespace NovaPulse.Infrastructure.Storage;

/// <summary>The write path every storage shares for uploads: inspect the stream, let the policy type it, save, measure.</summary>
internal static class UploadInspection
{
    public static async Task<StoredUpload> StoreAsync(
        IFileStorage storage, string key, bool isPublic, Stream content, UploadPolicy policy, CancellationToken cancellationToken)
    {
        await using var inspected = await InspectedUploadStream.OpenAsync(content, policy.MaxBytes, policy.HeaderLength, cancellationToken);
        var type = policy.Classify(inspected.Header);
        var target = new StorageObject(key, type.ContentType, type.Kind, isPublic);
        var stored = await storage.SaveAsync(target, inspected, cancellationToken);
        return new StoredUpload(target, inspected.BytesRead, inspected.Checksum, stored.Width, stored.Height);
    }
}
