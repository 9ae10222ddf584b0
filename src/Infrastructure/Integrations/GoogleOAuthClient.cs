using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using NovaPulse.Application.Integrations.Common;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace NovaPulse.Infrastructure.Integrations;

/// <summary>Google's OAuth 2.0 token, userinfo and revocation endpoints over plain HTTP (endpoints from <see cref="GoogleOptions"/>).</summary>
public sealed class GoogleOAuthClient(IHttpClientFactory clients, IOptions<GoogleOptions> options) : IGoogleOAuthClient
{
    public const string ClientName = "google";

    public Task<GoogleTokenResponse> ExchangeCodeAsync(string code, string codeVerifier, CancellationToken cancellationToken) =>
        TokenAsync(new()
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["code_verifier"] = codeVerifier,
            ["redirect_uri"] = options.Value.RedirectUri,
        }, cancellationToken);

    public Task<GoogleTokenResponse> RefreshAsync(string refreshToken, CancellationToken cancellationToken) =>
        TokenAsync(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken }, cancellationToken);

    public async Task<string?> GetEmailAsync(string accessToken, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, options.Value.UserInfoEndpoint);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await CallAsync(c => c.SendAsync(request, cancellationToken));
        return response.IsSuccessStatusCode ? (await response.Content.ReadFromJsonAsync<UserInfo>(cancellationToken))?.Email : null;
    }

    public async Task<bool> RevokeAsync(string token, CancellationToken cancellationToken)
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token });
        using var response = await CallAsync(c => c.PostAsync(options.Value.RevocationEndpoint, content, cancellationToken));
        if (response.IsSuccessStatusCode)
        {
            return true;
        }

        // invalid_token: Google no longer knows it (already revoked or expired), which is the outcome we wanted.
        var error = await ReadErrorAsync(response, cancellationToken);
        return error == "invalid_token";
    }

    private async Task<GoogleTokenResponse> TokenAsync(Dictionary<string, string> fields, CancellationToken cancellationToken)
    {
        fields["client_id"] = options.Value.ClientId;
        fields["client_secret"] = options.Value.ClientSecret;
        using var content = new FormUrlEncodedContent(fields);
        using var response = await CallAsync(c => c.PostAsync(options.Value.TokenEndpoint, content, cancellationToken));
        if (!response.IsSuccessStatusCode)
        {
            return new GoogleTokenResponse(null, null, 0, null, await ReadErrorAsync(response, cancellationToken) ?? $"http_{(int)response.StatusCode}");
        }

        var tokens = await response.Content.ReadFromJsonAsync<TokenBody>(cancellationToken);
        return new GoogleTokenResponse(tokens?.AccessToken, tokens?.RefreshToken, tokens?.ExpiresIn ?? 0, tokens?.Scope, tokens?.AccessToken is null ? "invalid_response" : null);
    }

    /// <summary>Google unreachable (timeout, open circuit) surfaces as the one exception the API answers with 503.</summary>
    private async Task<HttpResponseMessage> CallAsync(Func<HttpClient, Task<HttpResponseMessage>> call)
    {
        try
        {
            return await call(clients.CreateClient(ClientName));
        }
        catch (Exception e) when (e is TimeoutRejectedException or BrokenCircuitException)
        {
            throw new HttpRequestException("Google is unavailable right now.", e);
        }
    }

    private static async Task<string?> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return (await response.Content.ReadFromJsonAsync<ErrorBody>(cancellationToken))?.Error;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private sealed record TokenBody(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("refresh_token")] string? RefreshToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn,
        [property: JsonPropertyName("scope")] string? Scope);

    private sealed record UserInfo([property: JsonPropertyName("email")] string? Email);

    private sealed record ErrorBody([property: JsonPropertyName("error")] string? Error);
}
