namespace NovaPulse.Infrastructure.Identity;

/// <summary>Claims our access tokens carry.</summary>
public static class JwtClaimNames
{
    public const string Subject = "sub";
    public const string Company = "company_id";
    public const string Role = "role";
    public const string Email = "email";
    public const string ApiKey = "api_key_id";
}
