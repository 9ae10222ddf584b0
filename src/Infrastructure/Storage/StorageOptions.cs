namespace NovaPulse.Infrastructure.Storage;

/// <summary>Section <c>Storage</c>: which <see cref="Application.Common.Interfaces.IFileStorage"/> serves uploads.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>Empty = automatic: Cloudinary when its credentials are configured (e.g. the seed's CLOUDINARY_* variables), else LocalDisk.</summary>
    public StorageProvider? Provider { get; set; }

    /// <summary>LocalDisk root; default <c>&lt;DataDirectory&gt;/uploads</c>.</summary>
    public string? LocalPath { get; set; }

    /// <summary>
    /// LocalDisk on Linux writes with <c>O_DIRECT</c> (no page-cache copy: less CPU per byte, cache left to reads).
    /// Turn off for file systems that handle direct I/O badly (some network mounts).
    /// </summary>
    public bool DirectIo { get; set; } = true;

    /// <summary>HMAC key for the API's signed upload URLs; generated under the data folder outside Production.</summary>
    public string SigningKey { get; set; } = "";
}

public enum StorageProvider
{
    LocalDisk,
    Cloudinary,
}
