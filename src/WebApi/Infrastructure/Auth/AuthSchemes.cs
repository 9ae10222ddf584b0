namespace NovaPulse.WebApi.Infrastructure.Auth;

public static class AuthSchemes
{
    /// <summary>Picks JWT or API key per request from the credentials presented.</summary>
    public const string Default = "NovaPulse";
    public const string Jwt = "Bearer";
    public const string ApiKey = "ApiKey";
    public const string ApiKeyHeader = "X-Api-Key";
}
