using System.Net;
using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using NovaPulse.WebApi.IntegrationTests.Infrastructure;

namespace NovaPulse.WebApi.IntegrationTests;

/// <summary>Only tokens we signed, for our audience, within their lifetime, are accepted.</summary>
/// <remarks>Own host: the expiry test moves its clock.</remarks>
public sealed class JwtSecurityTests(JwtSecurityTests.Host factory) : IClassFixture<JwtSecurityTests.Host>, IAsyncLifetime
{
    private const string Key = "integration-tests-signing-key-0123456789abcdef";
    private readonly NovaPulseFactory _factory = factory;
    private Tenant _tenant = null!;

    public async Task InitializeAsync() => _tenant = await _factory.RegisterAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_token_we_sign_for_our_audience_is_accepted()
    {
        var response = await _factory.WithBearer(Forge(Key, "novapulse-api")).GetAsync("/api/v1/auth/me");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_401()
    {
        var response = await _factory.WithBearer(Forge("some-other-signing-key-0123456789abcdef", "novapulse-api")).GetAsync("/api/v1/auth/me");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_for_another_audience_is_401()
    {
        var response = await _factory.WithBearer(Forge(Key, "someone-else")).GetAsync("/api/v1/auth/me");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_expired_access_token_is_401()
    {
        var token = Forge(Key, "novapulse-api");

        _factory.Clock.Advance(TimeSpan.FromMinutes(16));
        var response = await _factory.WithBearer(token).GetAsync("/api/v1/auth/me");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_unsigned_alg_none_token_is_401()
    {
        var header = Base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        var payload = Base64Url($"{{\"sub\":\"{_tenant.OwnerId}\",\"company_id\":\"{_tenant.CompanyId}\",\"role\":\"Owner\",\"iss\":\"novapulse\",\"aud\":\"novapulse-api\",\"exp\":4102444800}}");

        var response = await _factory.WithBearer($"{header}.{payload}.").GetAsync("/api/v1/auth/me");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_signed_token_without_a_role_claim_is_refused_where_a_role_is_required()
    {
        var response = await _factory.WithBearer(Forge(Key, "novapulse-api", role: null)).GetAsync("/api/v1/tasks");

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    private string Forge(string key, string audience, string? role = "Owner")
    {
        Claim[] claims = role is null
            ? [new Claim("sub", _tenant.OwnerId.ToString()), new Claim("company_id", _tenant.CompanyId.ToString())]
            : [new Claim("sub", _tenant.OwnerId.ToString()), new Claim("company_id", _tenant.CompanyId.ToString()), new Claim("role", role)];

        var now = _factory.Clock.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "novapulse",
            Audience = audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(15),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
            Subject = new ClaimsIdentity(claims),
        });
    }

    private static string Base64Url(string json) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public sealed class Host : NovaPulseFactory;
}
