using System.ComponentModel.DataAnnotations;

namespace NovaPulse.WebApi.Infrastructure.Http;

/// <summary>Section <c>RateLimiting</c>.</summary>
public sealed class RateLimitingOptions
{
    public const string SectionName = "RateLimiting";

    /// <summary>Sign-up and sign-in attempts per client IP per minute.</summary>
    [Range(1, 1_000_000)]
    public int AuthPermitsPerMinute { get; set; } = 10;

    /// <summary>Requests per principal (API key, user, or IP when anonymous) per minute.</summary>
    [Range(1, 10_000_000)]
    public int PermitsPerMinute { get; set; } = 600;

    /// <summary>Health probes per client IP per minute, counted by each host alone (never in Redis).</summary>
    [Range(1, 1_000_000)]
    public int ProbePermitsPerMinute { get; set; } = 120;
}
