using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace NovaPulse.Sdk.Http;

/// <summary>
/// Authenticates with an access token and, when the API answers 401 and a refresh token is known, exchanges it once at
/// <c>/api/v1/auth/refresh</c> and repeats the request. Concurrent 401s share one refresh: refresh tokens are single-use,
/// so a second exchange of the same token would fail (and could revoke the sign-in).
/// </summary>
public sealed class TokenRefreshHandler : DelegatingHandler
{
    private const string RefreshPath = "api/v1/auth/refresh";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Uri _refreshUrl;
    private readonly Action<string, string>? _refreshed;
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private string _accessToken;
    private string? _refreshToken;

    /// <param name="baseUrl">The API root.</param>
    /// <param name="accessToken">The current access token.</param>
    /// <param name="refreshToken">Exchanged for new tokens on a 401; null turns refreshing off.</param>
    /// <param name="refreshed">Told the new access and refresh tokens after each refresh (to persist them).</param>
    public TokenRefreshHandler(Uri baseUrl, string accessToken, string? refreshToken, Action<string, string>? refreshed)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        _refreshUrl = new Uri(baseUrl, RefreshPath);
        _accessToken = accessToken;
        _refreshToken = refreshToken;
        _refreshed = refreshed;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var used = Volatile.Read(ref _accessToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", used);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized || _refreshToken is null || !await RefreshAsync(used, cancellationToken).ConfigureAwait(false))
        {
            return response;
        }

        response.Dispose();
        // The same message again: handlers below HttpClient may resend it, and its content is re-readable (JSON or a file opened per send).
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Volatile.Read(ref _accessToken));
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _refreshing.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>True when a newer access token is available (refreshed here or by a concurrent call).</summary>
    private async Task<bool> RefreshAsync(string used, CancellationToken cancellationToken)
    {
        await _refreshing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!string.Equals(Volatile.Read(ref _accessToken), used, StringComparison.Ordinal))
            {
                return true;
            }

            using var refresh = new HttpRequestMessage(HttpMethod.Post, _refreshUrl)
            {
                Content = JsonContent.Create(new { refreshToken = _refreshToken }, options: Json),
            };
            using var response = await base.SendAsync(refresh, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return false;
            }

            var tokens = await response.Content.ReadFromJsonAsync<RefreshedTokens>(Json, cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrEmpty(tokens?.AccessToken) || string.IsNullOrEmpty(tokens.RefreshToken))
            {
                return false;
            }

            _refreshToken = tokens.RefreshToken;
            Volatile.Write(ref _accessToken, tokens.AccessToken);
            _refreshed?.Invoke(tokens.AccessToken, tokens.RefreshToken);
            return true;
        }
        finally
        {
            _refreshing.Release();
        }
    }

    private sealed record RefreshedTokens(string? AccessToken, string? RefreshToken);
}
