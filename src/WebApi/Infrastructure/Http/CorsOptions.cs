namespace NovaPulse.WebApi.Infrastructure.Http;

/// <summary>Section <c>Cors</c>: browser origins allowed to call the API (none by default).</summary>
public sealed class CorsOptions
{
    public const string SectionName = "Cors";

    public string[] AllowedOrigins { get; set; } = [];
}
