using System.ComponentModel.DataAnnotations;

namespace NovaPulse.Infrastructure.Identity;

/// <summary>Section <c>Jwt</c>. Outside Production a missing signing key is generated and kept under the data folder.</summary>
public sealed class JwtOptions
{
    public const string SectionName = "Jwt";

    [Required]
    public string Issuer { get; set; } = "novapulse";

    [Required]
    public string Audience { get; set; } = "novapulse-api";

    /// <summary>HMAC-SHA256 key, at least 32 bytes (base64 or plain text).</summary>
    [Required(ErrorMessage = "Jwt:SigningKey is required in Production: set the environment variable Jwt__SigningKey (at least 32 characters).")]
    [MinLength(32, ErrorMessage = "Jwt:SigningKey must be at least 32 characters: set the environment variable Jwt__SigningKey to a longer secret.")]
    public string SigningKey { get; set; } = "";

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);
}
