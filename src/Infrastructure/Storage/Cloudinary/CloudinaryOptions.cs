namespace NovaPulse.Infrastructure.Storage.Cloudinary;

/// <summary>
/// Section <c>Cloudinary</c> (or the seed's CLOUDINARY_CLOUD_NAME/API_KEY/API_SECRET). Base URLs are configurable so
/// tests point the real client at a local fake.
/// </summary>
public sealed class CloudinaryOptions
{
    public const string SectionName = "Cloudinary";

    public string CloudName { get; set; } = "";

    public string ApiKey { get; set; } = "";

    public string ApiSecret { get; set; } = "";

    /// <summary>Upload and Admin API base.</summary>
    public string ApiBase { get; set; } = "https://api.cloudinary.com";

    /// <summary>Delivery (CDN) base for public and signed asset URLs.</summary>
    public string DeliveryBase { get; set; } = "https://res.cloudinary.com";

    /// <summary><c>sha1</c> (Cloudinary's default) or <c>sha256</c>.</summary>
    public string SignatureAlgorithm { get; set; } = "sha1";

    /// <summary>Thumbnail transformation applied by URL.</summary>
    public string ThumbnailTransformation { get; set; } = "c_thumb,w_256,h_256";

    /// <summary>Per request, uploads included (so generous by default: a 50 MB upload on a slow uplink).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Requests sampled before the circuit may open (it opens when 10 % of them fail).</summary>
    public int CircuitBreakerMinimumThroughput { get; set; } = 100;

    /// <summary>How long an open circuit fails calls at once before letting one through to probe.</summary>
    public TimeSpan CircuitBreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsConfigured => CloudName.Length > 0 && ApiKey.Length > 0 && ApiSecret.Length > 0;
}
